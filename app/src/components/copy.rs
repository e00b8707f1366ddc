//! A small button that copies a value (an IP, a name, a key) and says so.

use leptos::prelude::*;

use crate::i18n::td_string;
use crate::locale::untracked;

#[component]
pub fn CopyButton(
    #[prop(into)] text: String,
    /// What is copied, for screen readers ("IPv4 address").
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let l = untracked();
    let label = td_string!(l, common.ui.copy_what, what = what).to_string();
    view! {
        <button
            class="copy"
            type="button"
            title=label.clone()
            aria-label=label
            on:click=move |_| {
                if crate::browser::copy_text(&text) {
                    copied.set(true);
                    leptos::task::spawn_local(async move {
                        crate::browser::sleep_ms(1_500).await;
                        copied.try_set(false);
                    });
                }
            }
        >
            {move || if copied.get() { td_string!(l, common.ui.copied) } else { td_string!(l, common.ui.copy) }}
        </button>
    }
}
