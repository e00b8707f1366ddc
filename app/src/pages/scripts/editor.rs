//! The script form shared by "new" and "edit": title, Windows flag, and the content in the
//! monospace editor. What is typed lives in the page (`edits`), above the part that refreshes,
//! and is also kept in the tab's storage: an error, a reload or a trip through sign-in loses
//! nothing. Problems show at their field; the API's limit refusal shows for the whole form.

use leptos::prelude::*;

use crate::components::api_call::ShowApiCall;
use crate::components::code_editor::CodeEditor;
use crate::components::field::FieldError;
use crate::error::AppError;
use crate::model::api_call::{ApiCall, ScriptFields};
use crate::model::script::{problems, windows_hint, ScriptDraft};

/// Where a tab keeps an unsaved draft (`new`, or the script's id).
fn storage_key(which: &str) -> String {
    format!("ecs-panel:script-draft:{which}")
}

/// Keeps `edits` in the tab's storage under `which` (restored on first run and when `which`
/// changes, stored on every change after).
pub fn keep_in_tab(edits: RwSignal<Option<ScriptDraft>>, which: Signal<String>) {
    Effect::new(move |prev: Option<String>| {
        let now = which.get();
        if prev.as_deref() != Some(now.as_str()) {
            let kept = crate::browser::stored(&storage_key(&now))
                .and_then(|s| serde_json::from_str::<ScriptDraft>(&s).ok());
            edits.set(kept);
        } else {
            let json = edits.with(|e| e.as_ref().and_then(|d| serde_json::to_string(d).ok()));
            crate::browser::store(&storage_key(&now), json.as_deref());
        }
        edits.track();
        now
    });
}

/// Forgets the tab's draft for `which` (after it was saved).
pub fn forget(which: &str) {
    crate::browser::store(&storage_key(which), None);
}

#[component]
pub fn ScriptForm(
    /// What is saved (the loaded script, or an empty one).
    saved: ScriptDraft,
    /// What is typed, None while nothing was changed.
    edits: RwSignal<Option<ScriptDraft>>,
    /// Another user's public script: shown, not editable.
    #[prop(optional)]
    readonly: bool,
    /// A send was tried: every problem shows, empty fields included.
    tried: RwSignal<bool>,
    /// The server's last refusal; cleared when the person edits.
    server_error: RwSignal<Option<AppError>>,
    pending: Signal<bool>,
    /// Why saving is not possible now (the 20-script limit), if it is not.
    #[prop(optional, into)]
    blocked: Signal<Option<String>>,
    #[prop(into)] save_label: String,
    /// The saved script's id (none for a new one): which call saving sends.
    #[prop(optional)]
    script_id: Option<u64>,
    on_save: Callback<ScriptDraft>,
    /// More buttons after Save (use in a new server, delete).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let saved = StoredValue::new(saved);
    let current = move || edits.get().unwrap_or_else(|| saved.get_value());
    let update = move |f: &dyn Fn(&mut ScriptDraft)| {
        server_error.set(None);
        edits.update(|e| {
            let mut d = e.clone().unwrap_or_else(|| saved.get_value());
            f(&mut d);
            *e = Some(d);
        });
    };
    let changed = move || edits.with(|e| e.as_ref().is_some_and(|d| saved.with_value(|s| d != s)));
    let error = move |field: &'static str| {
        Signal::derive(move || {
            let local = tried.get().then(|| {
                problems(&current())
                    .into_iter()
                    .find(|(f, _)| *f == field)
                    .map(|(f, m)| AppError::invalid(f, m))
            });
            local.flatten().or_else(|| {
                server_error
                    .get()
                    .filter(|e| e.field_message(field).is_some())
            })
        })
    };
    let title_error = error("title");
    let content_error = error("content");
    let form_error = error("form");
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let call = Signal::derive(move || {
        let draft = current();
        let fields = ScriptFields::of_draft(&draft);
        match script_id {
            Some(id) => ApiCall::update_script(&id.to_string(), &fields),
            None => ApiCall::create_script(&fields),
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if readonly {
            return;
        }
        tried.set(true);
        let draft = current();
        if problems(&draft).is_empty()
            && blocked.get_untracked().is_none()
            && !pending.get_untracked()
        {
            on_save.run(draft);
        }
    };
    view! {
        <form class="card form script-form" on:submit=on_submit novalidate=true data-ready=move || ready.get().to_string() data-testid="script-form">
            <div class="script-meta">
                <label class="field">
                    <span>{crate::tr!(scripts.form.title)}</span>
                    <input
                        name="title"
                        autocomplete="off"
                        placeholder="install-nginx"
                        readonly=readonly
                        aria-invalid=move || title_error.get().is_some().then_some("true")
                        prop:value=move || current().title
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            update(&|d| d.title = v.clone());
                        }
                    />
                    <FieldError error=title_error field="title" />
                </label>
                <label class="check-field">
                    <input
                        type="checkbox"
                        name="windows"
                        disabled=readonly
                        prop:checked=move || current().windows
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            update(&|d| d.windows = on);
                        }
                    />
                    <span>
                        <strong>{crate::tr!(scripts.form.windows)}</strong>
                        <span class="muted small block">{crate::tr!(scripts.form.windows_note)}</span>
                    </span>
                </label>
            </div>
            {move || windows_hint(&current()).map(|h| view! { <p class="notice notice-warn small" data-testid="windows-hint">{h}</p> })}
            <div class="field">
                <span>{crate::tr!(scripts.form.script)}</span>
                <CodeEditor
                    value=Signal::derive(move || current().content)
                    on_input=move |text: String| update(&|d| d.content = text.clone())
                    name="content"
                    label=crate::tr!(scripts.form.script)
                    rows=18
                    readonly=readonly
                    invalid=Signal::derive(move || content_error.get().is_some())
                    placeholder="#!/bin/bash\napt-get update && apt-get install -y nginx"
                />
                <FieldError error=content_error field="content" />
                <span class="muted small">{crate::tr!(scripts.form.content_hint)}</span>
            </div>
            <FieldError error=form_error field="form" />
            {move || blocked.get().map(|why| view! { <p class="notice notice-warn" data-testid="limit-reason">{why}</p> })}
            <div class="form-actions">
                {(!readonly).then(|| view! {
                    <button
                        class="btn btn-primary"
                        type="submit"
                        data-testid="script-save"
                        disabled=move || pending.get() || blocked.get().is_some()
                    >
                        {move || if pending.get() { crate::tr!(scripts.form.saving).to_string() } else { save_label.clone() }}
                    </button>
                })}
                {children.map(|c| c())}
                {move || (changed() && !readonly).then(|| view! {
                    <span class="unsaved muted small" data-testid="unsaved">
                        {crate::tr!(scripts.form.unsaved)}
                        <button
                            class="btn btn-sm btn-ghost"
                            type="button"
                            on:click=move |_| {
                                tried.set(false);
                                server_error.set(None);
                                edits.set(None);
                            }
                        >
                            {crate::tr!(scripts.form.discard)}
                        </button>
                    </span>
                })}
            </div>
            {(!readonly).then(|| view! { <ShowApiCall call /> })}
        </form>
    }
}
