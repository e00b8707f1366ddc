//! A plain monospace editor with line numbers: a textarea beside a gutter. The textarea grows
//! with the gutter (they share one grid row), so the numbers always line up without scripting.

use leptos::prelude::*;

#[component]
pub fn CodeEditor(
    /// The text; bound with `prop:value` (a textarea's content is not escaped when rendered).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the whole text on every input.
    on_input: impl Fn(String) + 'static,
    name: &'static str,
    /// The accessible name ("Script").
    label: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = 10)] rows: u32,
    /// Shown, selectable and copyable, but not editable.
    #[prop(optional, into)]
    readonly: Signal<bool>,
    /// Marks the textarea invalid (for screen readers) while true.
    #[prop(optional, into)]
    invalid: Signal<bool>,
) -> impl IntoView {
    let lines = move || value.with(|v| v.lines().count().max(1) + usize::from(v.ends_with('\n')));
    view! {
        <div class="editor">
            <div class="gutter" aria-hidden="true">
                {move || (1..=lines()).map(|n| format!("{n}\n")).collect::<String>()}
            </div>
            <textarea
                name=name
                aria-label=label
                aria-invalid=move || invalid.get().then_some("true")
                spellcheck="false"
                autocapitalize="off"
                rows=rows.to_string()
                placeholder=placeholder
                readonly=readonly
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
