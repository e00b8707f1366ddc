//! The log's filters: a GET form (they land in the URL and work before the wasm loads). The
//! resource applies after a pause in typing, a choice at once; refusals show at their field.

use crate::page_data::PageData;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::Form;

use super::BASE;
use crate::components::table::{follow_url, submit_after_pause, submit_on_change};
use crate::model::logs::{choice_label, LogList, SEVERITIES, STATUSES};
use crate::model::table::TableQuery;

/// Pause after the last keystroke before the filter applies.
const TYPING_PAUSE_MS: u32 = 450;

#[component]
pub fn LogFilters(query: Memo<TableQuery>, data: PageData<LogList>) -> impl IntoView {
    let input: NodeRef<html::Input> = NodeRef::new();
    follow_url(input, move || {
        query.with(|q| q.filter("resource").to_string())
    });
    let on_type = submit_after_pause(TYPING_PAUSE_MS);
    let filtered = move || query.with(|q| !q.filters.is_empty());
    let now = query.get_untracked();
    let picked = now.clone();
    let choice = move |key: &'static str, options: &'static [&'static str], any: &'static str| {
        let current = picked.filter(key).to_string();
        view! {
            <select id=format!("log-{key}") name=key on:change=submit_on_change aria-describedby=format!("{key}-error")>
                <option value="" selected=current.is_empty()>{any}</option>
                {options.iter().map(|v| view! {
                    <option value=*v selected=current == *v>{choice_label(v)}</option>
                }).collect_view()}
            </select>
        }
    };
    view! {
        <Form
            method="GET"
            action=BASE
            replace=true
            noscroll=true
            on_form_data=std::sync::Arc::new(drop_empty)
            attr:class="filters logs-filters"
            attr:role="search"
        >
            <div class="filter filter-search">
                <label class="filter-label" for="log-resource">{crate::tr!(logs.filter.resource)}</label>
                <input
                    node_ref=input
                    id="log-resource"
                    type="search"
                    name="resource"
                    value=now.filter("resource").to_string()
                    placeholder=crate::tr!(logs.filter.resource_placeholder)
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="resource-error"
                    on:input=on_type
                />
                <FieldMessage data field="resource" />
            </div>
            <div class="filter">
                <label class="filter-label" for="log-severity">{crate::tr!(logs.col.severity)}</label>
                {choice("severity", SEVERITIES, crate::tr!(logs.filter.any_severity))}
                <FieldMessage data field="severity" />
            </div>
            <div class="filter">
                <label class="filter-label" for="log-status">{crate::tr!(logs.col.status)}</label>
                {choice("status", STATUSES, crate::tr!(logs.filter.any_status))}
                <FieldMessage data field="status" />
            </div>
            <button class="btn filter-apply" type="submit">{crate::tr!(logs.filter.apply)}</button>
            {move || filtered().then(|| view! { <a class="btn btn-ghost filter-clear" href=BASE>{crate::tr!(logs.filter.show_all)}</a> })}
        </Form>
    }
}

/// The server's refusal of a filter, under it (also in the server-rendered page).
#[component]
fn FieldMessage(data: PageData<LogList>, field: &'static str) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                data.await.err().and_then(|e| e.field_message(field)).map(|m| view! {
                    <span class="field-error" id=format!("{field}-error") role="alert" data-field=field>{m}</span>
                })
            })}
        </Transition>
    }
}

/// Empty filters stay out of the URL: `/logs`, not `/logs?resource=&severity=`.
fn drop_empty(data: &web_sys::FormData) {
    for key in ["resource", "severity", "status"] {
        if data
            .get(key)
            .as_string()
            .is_some_and(|v| v.trim().is_empty())
        {
            data.delete(key);
        }
    }
}
