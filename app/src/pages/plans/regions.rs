//! The regions: where servers can live, and how many plans each can take right now. A card links
//! to the table filtered to that region.

use leptos::prelude::*;

use crate::model::plans::{country, Catalogue};
use crate::model::table::{encode, TableQuery};

#[component]
pub fn Regions(cat: StoredValue<Catalogue>, query: Memo<TableQuery>) -> impl IntoView {
    let (regions, known) = cat.with_value(|c| (c.regions.clone(), c.availability_known()));
    view! {
        <section class="regions" aria-labelledby="regions-h">
            <h2 id="regions-h" class="sr-only">"Regions"</h2>
            <ul class="region-grid">
                {regions.into_iter().map(|r| {
                    let (now, offered) = cat.with_value(|c| c.counts(&r.code));
                    let code = r.code.clone();
                    let chosen = move || query.with(|q| q.filter("region") == code);
                    let place = match country(&r.code) {
                        "" => r.code.clone(),
                        c => format!("{c} · {}", r.code),
                    };
                    let count = if !known {
                        view! { <strong>{offered}</strong> {format!(" {} offered", plans(offered))} }.into_any()
                    } else if offered == 0 {
                        view! { "No plans offered" }.into_any()
                    } else {
                        view! {
                            <strong>{now}</strong>
                            {format!(" of {offered} {} can be created now", plans(offered))}
                        }
                        .into_any()
                    };
                    view! {
                        <li class="card region-card" class:chosen=chosen data-testid="region" data-region=r.code.clone()>
                            <h3>{r.city.clone()}</h3>
                            <p class="muted small">{place}</p>
                            <p class="region-count" data-testid="region-count">{count}</p>
                            {(offered > 0).then(|| view! {
                                <a class="small" href=format!("/plans?region={}", encode(&r.code))>"Show these plans"</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

fn plans(n: usize) -> &'static str {
    if n == 1 {
        "plan"
    } else {
        "plans"
    }
}
