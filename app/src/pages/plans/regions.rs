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
            <h2 id="regions-h" class="sr-only">{crate::tr!(plans.regions)}</h2>
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
                        view! { <strong>{offered}</strong> {if offered == 1 { crate::tr!(plans.offered_one) } else { crate::tr!(plans.offered_many) }} }.into_any()
                    } else if offered == 0 {
                        view! { {crate::tr!(plans.none_offered)} }.into_any()
                    } else {
                        view! {
                            <strong>{now}</strong>
                            {if offered == 1 {
                                crate::tr!(plans.creatable_one, offered = offered).to_string()
                            } else {
                                crate::tr!(plans.creatable_many, offered = offered).to_string()
                            }}
                        }
                        .into_any()
                    };
                    view! {
                        <li class="card region-card" class:chosen=chosen data-testid="region" data-region=r.code.clone()>
                            <h3>{r.city.clone()}</h3>
                            <p class="muted small">{place}</p>
                            <p class="region-count" data-testid="region-count">{count}</p>
                            {(offered > 0).then(|| view! {
                                <a class="small" href=format!("/plans?region={}", encode(&r.code))>{crate::tr!(plans.show_these)}</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
