//! The audit log's filters: a GET form, so they land in the URL and work before the wasm loads;
//! a refusal shows at its field.

use crate::page_data::PageData;
use leptos::prelude::*;
use leptos_router::components::Form;

use super::{BASE, KEYS};
use crate::components::table::submit_on_change;
use crate::model::audit::{AuditPage, Outcome};
use crate::model::table::TableQuery;

#[component]
pub fn AuditFilters(query: Memo<TableQuery>, data: PageData<AuditPage>) -> impl IntoView {
    let now = query.get_untracked();
    let error = move |field: &'static str| {
        move || {
            data.get()
                .and_then(|r| r.err())
                .and_then(|e| e.field_message(field))
        }
    };
    let outcome = now.filter("outcome").to_string();
    let filtered = now.is_filtered();
    let text = move |key: &'static str,
                     label: &'static str,
                     kind: &'static str,
                     hint: &'static str| {
        let value = now.filter(key).to_string();
        let id = format!("audit-{key}");
        view! {
            <div class="filter">
                <label class="filter-label" for=id.clone()>{label}</label>
                <input id=id name=key type=kind value=value placeholder=hint autocomplete="off" spellcheck="false"
                    aria-describedby=format!("{key}-error") />
                {move || error(key)().map(|m| view! { <span class="field-error" id=format!("{key}-error") role="alert">{m}</span> })}
            </div>
        }
    };
    view! {
        <Form method="GET" action=BASE replace=true noscroll=true on_form_data=std::sync::Arc::new(drop_empty)
            attr:class="filters logs-filters" attr:role="search" attr:data-testid="audit-filters">
            {text("actor", crate::tr!(audit.col.who), "search", crate::tr!(audit.filter.actor_hint))}
            {text("operation", crate::tr!(audit.filter.operation), "search", crate::tr!(audit.filter.operation_hint))}
            <div class="filter">
                <label class="filter-label" for="audit-outcome">{crate::tr!(audit.col.result)}</label>
                <select id="audit-outcome" name="outcome" on:change=submit_on_change aria-describedby="outcome-error">
                    <option value="" selected=outcome.is_empty()>{crate::tr!(audit.filter.any_result)}</option>
                    {Outcome::ALL.into_iter().map(|o| view! {
                        <option value=o.as_str() selected=outcome == o.as_str()>{super::outcome_label(o)}</option>
                    }).collect_view()}
                </select>
                {move || error("outcome")().map(|m| view! { <span class="field-error" id="outcome-error" role="alert">{m}</span> })}
            </div>
            {text("from", crate::tr!(audit.filter.from), "date", "")}
            {text("to", crate::tr!(audit.filter.to), "date", "")}
            <button class="btn filter-apply" type="submit">{crate::tr!(audit.filter.apply)}</button>
            {filtered.then(|| view! { <a class="btn btn-ghost filter-clear" href=BASE>{crate::tr!(audit.filter.show_all)}</a> })}
        </Form>
    }
}

/// Empty filters stay out of the URL: `/audit`, not `/audit?actor=&outcome=`.
fn drop_empty(data: &web_sys::FormData) {
    for key in KEYS {
        if data
            .get(key)
            .as_string()
            .is_some_and(|v| v.trim().is_empty())
        {
            data.delete(key);
        }
    }
}
