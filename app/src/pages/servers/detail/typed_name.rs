//! The typed confirmation of a destructive change to a server (delete, restore a snapshot): what
//! to type (the name, with a copy button, or the display name) and the field, with its error.

use leptos::prelude::*;

use crate::i18n::td_string;

use crate::components::copy::CopyButton;
use crate::components::field::FieldError;
use crate::error::AppError;

#[component]
pub fn TypedName(
    /// The server's name (`ec…`).
    name: Memo<String>,
    /// Its display name, also accepted; empty when it has none.
    #[prop(into)]
    notes: Signal<String>,
    /// What is typed.
    text: RwSignal<String>,
    /// The answer's error, shown at the field.
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let l = crate::locale::untracked();
    view! {
        <p>
            {td_string!(l, server.confirm_type)}
            <span class="mono">{move || name.get()}</span>
            <CopyButton text=name.get_untracked() what=td_string!(l, server.server_name) />
            {move || (!notes.get().is_empty()).then(|| td_string!(l, server.confirm_or_notes, notes = notes.get()).to_string())}
            "."
        </p>
        <label class="field">
            <span>{td_string!(l, server.confirm_field)}</span>
            <input
                name="confirm"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <FieldError error field="confirm" />
        </label>
    }
}
