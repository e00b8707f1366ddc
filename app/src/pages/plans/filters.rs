//! The plan filters, children of the shared search form: family, region (plans that can be
//! created there now) and a monthly price limit. Each applies as soon as it changes.

use leptos::prelude::*;

use crate::components::table::{submit_on_change, SearchForm};
use crate::model::plans::{max_price, Catalogue, FILTER_KEYS};
use crate::model::table::TableQuery;

#[component]
pub fn PlanFilters(cat: StoredValue<Catalogue>, query: Memo<TableQuery>) -> impl IntoView {
    let families = cat.with_value(|c| c.families());
    let regions = cat.with_value(|c| c.regions.clone());
    let known = cat.with_value(|c| c.availability_known());
    // Options are rebuilt from the URL, so the back button moves the selection too.
    let options = move |key: &'static str, any: &'static str, choices: Vec<(String, String)>| {
        move || {
            let now = query.with(|q| q.filter(key).to_string());
            let mut choices = choices.clone();
            // A bookmarked value the catalogue no longer has still shows as chosen.
            if !now.is_empty() && !choices.iter().any(|(v, _)| *v == now) {
                choices.push((now.clone(), now.clone()));
            }
            view! {
                <option value="" selected=now.is_empty()>{any}</option>
                {choices
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == now;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            }
        }
    };
    let region_choices: Vec<(String, String)> = regions
        .iter()
        .map(|r| (r.code.clone(), format!("{} ({})", r.city, r.code)))
        .collect();
    let max_error = move || {
        query.with(max_price).err().map(|m| {
            view! { <span class="field-error" id="max-error" role="alert" data-field="max">{m}</span> }
        })
    };
    let max_now = move || query.with(|q| q.filter("max").to_string());
    view! {
        <div class="plan-filters">
            <SearchForm base="/plans" query placeholder=crate::tr!(plans.search) filter_keys=FILTER_KEYS>
                <label class="filter">
                    <span class="filter-label">{crate::tr!(plans.family)}</span>
                    <select name="family" on:change=submit_on_change>
                        {options("family", crate::tr!(plans.all_families), families.clone())}
                    </select>
                </label>
                <label class="filter">
                    <span class="filter-label">{if known { crate::tr!(plans.can_create_in) } else { crate::tr!(plans.offered_in) }}</span>
                    <select name="region" on:change=submit_on_change>
                        {options("region", crate::tr!(plans.any_region), region_choices.clone())}
                    </select>
                </label>
                <div class="filter">
                    <label class="filter-label" for="max-price">{crate::tr!(plans.max_month)}</label>
                    <input
                        id="max-price"
                        // Text, not number: "€50" or "49,5" are read too, and a bad value stays
                        // visible next to its message instead of vanishing.
                        type="text"
                        name="max"
                        inputmode="decimal"
                        autocomplete="off"
                        placeholder=crate::tr!(plans.any)
                        aria-describedby="max-error"
                        value=query.with_untracked(|q| q.filter("max").to_string())
                        prop:value=max_now
                        on:change=submit_input
                    />
                    {max_error}
                </div>
            </SearchForm>
            <p class="muted small filter-note">
                {if known {
                    crate::tr!(plans.note_known)
                } else {
                    crate::tr!(plans.note_unknown)
                }}
            </p>
        </div>
    }
}

/// Applies the form when an input's value is committed (Enter, or leaving the field).
fn submit_input(ev: leptos::ev::Event) {
    if let Some(form) = event_target::<web_sys::HtmlInputElement>(&ev).form() {
        let _ = form.request_submit();
    }
}
