//! An instant as every table shows it: "3 days ago" in the reader's language, the exact time on
//! hover, and the machine-readable instant for assistive tech and sorting.

use leptos::prelude::*;

use crate::model::time::Stamp;

#[component]
pub fn When(at: Stamp, #[prop(optional)] class: &'static str) -> impl IntoView {
    let locale = crate::locale::untracked();
    let title = at.exact(locale);
    let text = at.relative(locale);
    view! { <time class=class datetime=at.iso title=title>{text}</time> }
}
