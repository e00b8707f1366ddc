//! The trail above a detail page ("Servers › web-1 › Metrics"); the last crumb is the page itself.

use leptos::prelude::*;

use crate::i18n::td_string;
use crate::locale::untracked;

/// `trail`: (label, link) from the section down; the last entry is the current page (no link).
#[component]
pub fn Breadcrumbs(#[prop(into)] trail: Signal<Vec<(String, Option<String>)>>) -> impl IntoView {
    view! {
        <nav class="crumbs" aria-label=td_string!(untracked(), common.ui.breadcrumb)>
            <ol>
                {move || {
                    let trail = trail.get();
                    let last = trail.len().saturating_sub(1);
                    trail
                        .into_iter()
                        .enumerate()
                        .map(|(i, (label, href))| match href {
                            Some(href) if i < last => view! { <li><a href=href>{label}</a></li> }.into_any(),
                            _ => view! { <li aria-current="page">{label}</li> }.into_any(),
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}
