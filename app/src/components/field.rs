//! Form field helpers: the message shown next to the input it belongs to.

use leptos::prelude::*;

use crate::error::AppError;

#[component]
pub fn FieldError(error: Signal<Option<AppError>>, field: &'static str) -> impl IntoView {
    move || {
        error
            .get()
            .and_then(|e| e.field_message(field))
            .map(|m| view! { <span class="field-error" role="alert" data-field=field>{m}</span> })
    }
}
