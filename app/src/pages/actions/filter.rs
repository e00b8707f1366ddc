//! The resource filter: a GET form (the filter lands in the URL and works before the wasm loads),
//! applied after a short pause in typing or when a suggestion is picked. The server checks the
//! id; a refusal shows under the box, which is never re-rendered under the person's fingers.

use crate::page_data::PageData;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::Form;

use crate::components::table::{follow_url, submit_after_pause};
use crate::model::actions::{ActionList, Known};
use crate::model::table::TableQuery;

/// Pause after the last keystroke before the filter applies.
const TYPING_PAUSE_MS: u32 = 450;

#[component]
pub fn ResourceFilter(
    query: Memo<TableQuery>,
    data: PageData<ActionList>,
    known: RwSignal<Vec<Known>>,
) -> impl IntoView {
    let input: NodeRef<html::Input> = NodeRef::new();
    follow_url(input, move || {
        query.with(|q| q.filter("resource").to_string())
    });
    let on_type = submit_after_pause(TYPING_PAUSE_MS);
    let filtered = move || query.with(|q| !q.filter("resource").is_empty());
    view! {
        <Form
            method="GET"
            action="/actions"
            replace=true
            noscroll=true
            on_form_data=std::sync::Arc::new(drop_empty)
            attr:class="filters actions-filters"
            attr:role="search"
        >
            <div class="filter filter-search">
                <label class="filter-label" for="resource-filter">{crate::tr!(actions.col.resource)}</label>
                <input
                    node_ref=input
                    id="resource-filter"
                    type="search"
                    name="resource"
                    list="resource-choices"
                    value=query.get_untracked().filter("resource").to_string()
                    placeholder=crate::tr!(actions.filter.placeholder)
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="resource-error"
                    on:input=on_type
                />
                <FieldMessage data />
            </div>
            <datalist id="resource-choices">
                {move || known.get().into_iter().map(|k| {
                    let label = if k.label == k.id { String::new() } else { k.label.clone() };
                    view! { <option value=k.id>{label}</option> }
                }).collect_view()}
            </datalist>
            <button class="btn filter-apply" type="submit">{crate::tr!(actions.filter.apply)}</button>
            {move || filtered().then(|| view! { <a class="btn btn-ghost filter-clear" href="/actions">{crate::tr!(actions.filter.show_all)}</a> })}
        </Form>
    }
}

/// The server's refusal of the filter, under the box (also in the server-rendered page).
#[component]
fn FieldMessage(data: PageData<ActionList>) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                data.await.err().and_then(|e| e.field_message("resource")).map(|m| view! {
                    <span class="field-error" id="resource-error" role="alert" data-field="resource">{m}</span>
                })
            })}
        </Transition>
    }
}

/// An empty filter stays out of the URL: `/actions`, not `/actions?resource=`.
fn drop_empty(data: &web_sys::FormData) {
    if data
        .get("resource")
        .as_string()
        .is_some_and(|v| v.trim().is_empty())
    {
        data.delete("resource");
    }
}
