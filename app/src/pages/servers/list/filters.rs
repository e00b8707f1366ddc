//! The search box and filters: a GET form, so the view lives in the URL (bookmarkable, survives a
//! reload, works before the wasm loads). Changing a filter applies it at once; typing applies
//! after a short pause. The form is never re-rendered under the user's fingers.

use leptos::prelude::*;

use crate::i18n::td_string;

use crate::components::table::{submit_on_change, SearchForm};
use crate::model::server_list::{Facets, FILTER_KEYS};
use crate::model::table::TableQuery;

#[component]
pub fn Filters(facets: RwSignal<Facets>, query: Memo<TableQuery>) -> impl IntoView {
    let l = crate::locale::untracked();
    let select = move |name: &'static str,
                       label: &'static str,
                       any: &'static str,
                       options: fn(&Facets) -> Vec<(String, String)>| {
        view! {
            <label class="filter">
                <span class="filter-label">{label}</span>
                <select
                    name=name
                    on:change=submit_on_change
                >
                    {move || {
                        let now = query.with(|q| q.filter(name).to_string());
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
        <SearchForm
            base="/servers"
            query
            placeholder=td_string!(l, servers.search_placeholder)
            filter_keys=&FILTER_KEYS
        >
            {select("region", td_string!(l, servers.region), td_string!(l, servers.all_regions), |f| f.regions.clone())}
            {select("status", td_string!(l, servers.status), td_string!(l, servers.any_status), |f| pairs(&f.statuses))}
            {select("group", td_string!(l, servers.group), td_string!(l, servers.any_group), |f| {
                let mut g: Vec<_> = f.groups.iter().map(|g| (g.id.clone(), g.label.clone())).collect();
                // A fn pointer captures nothing: the language is read again here.
                g.push(("none".into(), td_string!(crate::locale::untracked(), servers.no_group).into()));
                g
            })}
            {select("family", td_string!(l, servers.plan), td_string!(l, servers.any_plan), |f| families(&f.families))}
        </SearchForm>
    }
}

/// The plan families' choices: the catalogue's name in the URL, the reader's word on screen.
fn families(v: &[String]) -> Vec<(String, String)> {
    v.iter()
        .map(|s| (s.clone(), crate::model::plans::family_label(s).to_string()))
        .collect()
}

fn pairs(v: &[String]) -> Vec<(String, String)> {
    v.iter().map(|s| (s.clone(), s.clone())).collect()
}
