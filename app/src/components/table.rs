//! The pieces every library table shares: the URL-kept query, a search form (GET, so it works
//! before the wasm loads and lands in the URL), sortable headers (links) and a pager.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::td_string;
use crate::locale::untracked;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::model::table::TableQuery;

/// Pause after the last keystroke before a search applies.
const TYPING_PAUSE_MS: u32 = 350;

/// The page's table query, read from the URL (`q`, `sort`, `dir`, `page` and `filter_keys`).
pub fn use_table_query(filter_keys: &'static [&'static str]) -> Memo<TableQuery> {
    let params = use_query_map();
    Memo::new(move |_| {
        params.with(|m| {
            let mut pairs: Vec<(&str, String)> = Vec::new();
            for k in ["q", "sort", "dir", "page"].iter().chain(filter_keys) {
                if let Some(v) = m.get(k) {
                    pairs.push((k, v));
                }
            }
            TableQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())), filter_keys)
        })
    })
}

/// A search box (and the page's filter controls, as children) in one GET form on `base`.
/// Typing applies after a pause; a filter control applies at once when it calls [`submit_on_change`].
/// The sort survives a new search; the page does not.
#[component]
pub fn SearchForm(
    base: &'static str,
    #[prop(into)] query: Signal<TableQuery>,
    /// What the search looks in, e.g. "Name or description".
    placeholder: &'static str,
    /// The filter keys the children's controls use (the same list given to [`use_table_query`]).
    #[prop(optional)]
    filter_keys: &'static [&'static str],
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let search: NodeRef<html::Input> = NodeRef::new();
    follow_url(search, move || query.get().q);
    let on_type = submit_after_pause(TYPING_PAUSE_MS);
    view! {
        <Form
            method="GET"
            action=base
            replace=true
            noscroll=true
            on_form_data=std::sync::Arc::new(move |data: &web_sys::FormData| drop_empty(data, filter_keys))
            attr:class="filters"
            attr:role="search"
        >
            <label class="filter filter-search">
                <span class="filter-label">{td_string!(untracked(), common.table.search)}</span>
                <input
                    node_ref=search
                    type="search"
                    name="q"
                    value=query.get_untracked().q
                    placeholder=placeholder
                    autocomplete="off"
                    on:input=on_type
                />
            </label>
            {children.map(|c| c())}
            {move || {
                let q = query.get();
                view! {
                    {(!q.sort.is_empty()).then(|| view! { <input type="hidden" name="sort" value=q.sort.clone() /> })}
                    {q.desc.then(|| view! { <input type="hidden" name="dir" value="desc" /> })}
                }
            }}
            <button class="btn filter-apply" type="submit">{td_string!(untracked(), common.table.apply)}</button>
        </Form>
    }
}

/// Keeps `input` showing `value` from the URL (back button, a "clear" link) unless the person is
/// typing in it.
pub fn follow_url(input: NodeRef<html::Input>, value: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let value = value();
        if let Some(el) = input.get_untracked() {
            let focused = document().active_element().is_some_and(|a| {
                let a: &web_sys::Element = &a;
                let el: &web_sys::Element = &el;
                a == el
            });
            if !focused && el.value() != value {
                el.set_value(&value);
            }
        }
    });
}

/// An `on:input` handler that submits the input's form once typing pauses for `pause_ms`.
pub fn submit_after_pause(pause_ms: u32) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    let typed = StoredValue::new(0u64);
    move |ev: leptos::ev::Event| {
        let n = typed.get_value() + 1;
        typed.set_value(n);
        let form = event_target::<web_sys::HtmlInputElement>(&ev).form();
        leptos::task::spawn_local(async move {
            crate::browser::sleep_ms(pause_ms).await;
            if typed.try_get_value() == Some(n) {
                submit(form);
            }
        });
    }
}

/// For a filter `<select>` inside a [`SearchForm`]: applies the form as soon as it changes.
pub fn submit_on_change(ev: leptos::ev::Event) {
    submit(event_target::<web_sys::HtmlSelectElement>(&ev).form());
}

/// A column header that sorts by `key` (a link: the sort lives in the URL).
#[component]
pub fn SortHeader(
    base: &'static str,
    query: Memo<TableQuery>,
    key: &'static str,
    label: &'static str,
    /// The key the page sorts by when the URL names none.
    #[prop(optional)]
    default: bool,
) -> impl IntoView {
    let state = move || {
        let q = query.get();
        let active = q.sort == key || (q.sort.is_empty() && default);
        match (active, q.desc) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    };
    let href = move || {
        let q = query.get();
        // The default column is already ascending, so its first click goes descending.
        let q = if q.sort.is_empty() && default {
            TableQuery {
                sort: key.into(),
                ..q
            }
        } else {
            q
        };
        q.sorted_by(key).href(base)
    };
    view! {
        <th scope="col" aria-sort=state>
            <a class="sort" href=href>
                {label}
                <span class="sort-arrow" aria-hidden="true">
                    {move || match state() {
                        "ascending" => "▲",
                        "descending" => "▼",
                        _ => "",
                    }}
                </span>
            </a>
        </th>
    }
}

/// "← Previous · Page 2 of 5 · Next →" for a table kept in the URL.
#[component]
pub fn Pager(base: &'static str, query: TableQuery, pages: usize) -> impl IntoView {
    let page = query.page_in(pages);
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=td_string!(untracked(), common.table.pages)>
                {(page > 1).then(|| view! { <a class="btn btn-sm" href=query.at_page(page - 1).href(base) rel="prev">{td_string!(untracked(), common.table.previous)}</a> })}
                <span class="muted">{td_string!(untracked(), common.table.page_of, page = page, pages = pages).to_string()}</span>
                {(page < pages).then(|| view! { <a class="btn btn-sm" href=query.at_page(page + 1).href(base) rel="next">{td_string!(untracked(), common.table.next)}</a> })}
            </nav>
        }
    })
}

/// Empty search and "any" choices stay out of the URL: `/plans?family=gpu`, not `?q=&family=gpu`.
fn drop_empty(data: &web_sys::FormData, filter_keys: &[&str]) {
    for key in std::iter::once(&"q").chain(filter_keys) {
        if data
            .get(key)
            .as_string()
            .is_some_and(|v| v.trim().is_empty())
        {
            data.delete(key);
        }
    }
}

/// Submits the form the way a click on "Apply" would (so the router handles it).
fn submit(form: Option<web_sys::HtmlFormElement>) {
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}
