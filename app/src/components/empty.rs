//! The card a table shows instead when there is nothing to list, or nothing matches the search.

use leptos::prelude::*;

#[component]
pub fn EmptyCard(
    testid: &'static str,
    title: &'static str,
    /// What the page is for, or what the search looked in.
    text: &'static str,
    /// The way on: a link (`href`) with its words.
    href: &'static str,
    action: &'static str,
    /// The link is the page's main action (a primary button).
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    view! {
        <section class="card empty" data-testid=testid>
            <h2>{title}</h2>
            <p class="muted">{text}</p>
            <a class=if primary { "btn btn-primary" } else { "btn" } href=href>{action}</a>
        </section>
    }
}
