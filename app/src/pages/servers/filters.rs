//! The search box and filters: a GET form, so the view lives in the URL (bookmarkable, survives a
//! reload, works before the wasm loads). Changing a filter applies it at once; typing applies
//! after a short pause. The form is never re-rendered under the user's fingers.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::Form;

use crate::model::server_list::{Facets, ListQuery, SortKey};

/// Pause after the last keystroke before the search applies.
const TYPING_PAUSE_MS: u32 = 350;

#[component]
pub fn Filters(facets: RwSignal<Facets>, query: Memo<ListQuery>) -> impl IntoView {
    let search: NodeRef<html::Input> = NodeRef::new();
    // Follow the URL (back button, "Clear filters") unless the person is typing in the box.
    Effect::new(move |_| {
        let q = query.get().q;
        if let Some(input) = search.get_untracked() {
            let focused = document().active_element().is_some_and(|el| {
                let el: &web_sys::Element = &el;
                let input: &web_sys::Element = &input;
                el == input
            });
            if !focused && input.value() != q {
                input.set_value(&q);
            }
        }
    });
    let typed = StoredValue::new(0u64);
    let on_type = move |ev: leptos::ev::Event| {
        let n = typed.get_value() + 1;
        typed.set_value(n);
        let form = event_target::<web_sys::HtmlInputElement>(&ev).form();
        leptos::task::spawn_local(async move {
            crate::browser::sleep_ms(TYPING_PAUSE_MS).await;
            if typed.try_get_value() == Some(n) {
                submit(form);
            }
        });
    };
    let select = move |name: &'static str,
                       label: &'static str,
                       any: &'static str,
                       current: fn(&ListQuery) -> &String,
                       options: fn(&Facets) -> Vec<(String, String)>| {
        view! {
            <label class="filter">
                <span class="filter-label">{label}</span>
                <select
                    name=name
                    on:change=move |ev| submit(event_target::<web_sys::HtmlSelectElement>(&ev).form())
                >
                    {move || {
                        let now = current(&query.get()).clone();
                        let mut opts = facets.with(options);
                        // A bookmarked value the account no longer has still shows as chosen.
                        if !now.is_empty() && !opts.iter().any(|(v, _)| *v == now) {
                            opts.push((now.clone(), now.clone()));
                        }
                        view! {
                            <option value="" selected=now.is_empty()>{any}</option>
                            {opts
                                .into_iter()
                                .map(|(value, text)| {
                                    let sel = value == now;
                                    view! { <option value=value selected=sel>{text}</option> }
                                })
                                .collect_view()}
                        }
                    }}
                </select>
            </label>
        }
    };
    view! {
        <Form
            method="GET"
            action="/servers"
            replace=true
            noscroll=true
            on_form_data=std::sync::Arc::new(drop_empty)
            attr:class="filters"
            attr:role="search"
        >
            <label class="filter filter-search">
                <span class="filter-label">"Search"</span>
                <input
                    node_ref=search
                    type="search"
                    name="q"
                    value=query.get_untracked().q
                    placeholder="Name, display name or IP"
                    autocomplete="off"
                    on:input=on_type
                />
            </label>
            {select("region", "Region", "All regions", |q| &q.region, |f| f.regions.clone())}
            {select("status", "Status", "Any status", |q| &q.status, |f| pairs(&f.statuses))}
            {select("group", "Group", "Any group", |q| &q.group, |f| {
                let mut g: Vec<_> = f.groups.iter().map(|g| (g.id.clone(), g.label.clone())).collect();
                g.push(("none".into(), "No group".into()));
                g
            })}
            {select("family", "Plan", "Any plan", |q| &q.family, |f| pairs(&f.families))}
            // The sort survives a new search; the page does not.
            {move || {
                let q = query.get();
                view! {
                    {(q.sort != SortKey::Name).then(|| view! { <input type="hidden" name="sort" value=q.sort.as_str() /> })}
                    {q.desc.then(|| view! { <input type="hidden" name="dir" value="desc" /> })}
                }
            }}
            <button class="btn filter-apply" type="submit">"Apply"</button>
        </Form>
    }
}

/// "Any" choices stay out of the URL: `/servers?q=db`, not `?q=db&region=&status=…`.
fn drop_empty(data: &web_sys::FormData) {
    for key in ["q", "region", "status", "group", "family"] {
        if data
            .get(key)
            .as_string()
            .is_some_and(|v| v.trim().is_empty())
        {
            data.delete(key);
        }
    }
}

fn pairs(v: &[String]) -> Vec<(String, String)> {
    v.iter().map(|s| (s.clone(), s.clone())).collect()
}

/// Submits the filter form the way a click on "Apply" would (so the router handles it).
fn submit(form: Option<web_sys::HtmlFormElement>) {
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}
