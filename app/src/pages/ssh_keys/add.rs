//! Adding a key: a label and the pasted public key, checked as they are typed (the same parser
//! runs again on the server), with a live preview of what the key is. Nothing is sent while the
//! browser's check fails; what is sent is the key in its normalised one-line form.

use leptos::prelude::*;

use super::KeysCtx;
use crate::api::ssh_keys::AddSshKey;
use crate::components::api_call::ShowApiCall;
use crate::components::field::FieldError;
use crate::error::AppError;
use crate::model::api_call::ApiCall;
use crate::model::ssh_key::{parse, KeyError, PublicKey};
use crate::model::ssh_key_list::{label_problem, registered_as, KeyFacts};

#[component]
pub fn AddKeyForm() -> impl IntoView {
    let ctx = expect_context::<KeysCtx>();
    let parsed: Memo<Result<PublicKey, KeyError>> =
        Memo::new(move |_| ctx.key_text.with(|t| parse(t)));
    // A field's message: the browser's check (an empty field only once a send was tried), else
    // the server's last refusal for that field.
    let server = move |field: &'static str| {
        ctx.add_error
            .get()
            .filter(|e| e.field_message(field).is_some())
    };
    let label_error = Signal::derive(move || {
        let typed = ctx.label.get();
        let shown = ctx.tried.get() || !typed.trim().is_empty();
        shown
            .then(|| ctx.keys.with(|keys| label_problem(&typed, keys, None)))
            .flatten()
            .map(|m| AppError::invalid("label", m))
            .or_else(|| server("label"))
    });
    let key_error = Signal::derive(move || {
        let shown = ctx.tried.get() || !ctx.key_text.with(|t| t.trim().is_empty());
        let local = match parsed.get() {
            Err(e) if shown => Some(AppError::invalid("key", e.to_string())),
            _ => None,
        };
        local.or_else(|| server("key"))
    });
    let form_error = move || {
        ctx.add_error
            .get()
            .filter(|e| matches!(e, AppError::Invalid { field, .. } if field != "label" && field != "key"))
            .map(|e| e.to_string())
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.tried.set(true);
        let label = ctx.label.get_untracked();
        let label_ok = ctx
            .keys
            .with_untracked(|keys| label_problem(&label, keys, None).is_none());
        if let (true, Ok(key)) = (label_ok, parsed.get_untracked()) {
            if !ctx.add.pending().get_untracked() {
                ctx.add.dispatch(AddSshKey {
                    label,
                    key: key.to_openssh(),
                });
            }
        }
    };
    let pending = ctx.add.pending();
    view! {
        <section class="card add-key" id="add-key" aria-labelledby="add-key-h">
            <h2 id="add-key-h">"Add a key"</h2>
            <div class="add-key-grid">
                <form class="form" on:submit=on_submit novalidate=true data-testid="add-key-form">
                    <label class="field">
                        <span>"Label"</span>
                        <input
                            name="label"
                            autocomplete="off"
                            maxlength="200"
                            placeholder="work-laptop"
                            aria-invalid=move || label_error.get().is_some().then_some("true")
                            prop:value=move || ctx.label.get()
                            on:input=move |ev| {
                                ctx.add_error.set(None);
                                ctx.label.set(event_target_value(&ev));
                            }
                        />
                        <FieldError error=label_error field="label" />
                        <span class="muted small">"Unique among your keys (capitals do not count). You choose the key by this label when you create a server."</span>
                    </label>
                    <label class="field">
                        <span>"Public key"</span>
                        <textarea
                            name="key"
                            class="mono key-text"
                            rows="4"
                            spellcheck="false"
                            autocapitalize="off"
                            autocomplete="off"
                            placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… you@laptop"
                            aria-invalid=move || key_error.get().is_some().then_some("true")
                            prop:value=move || ctx.key_text.get()
                            on:input=move |ev| {
                                ctx.add_error.set(None);
                                ctx.key_text.set(event_target_value(&ev));
                            }
                        ></textarea>
                        <FieldError error=key_error field="key" />
                    </label>
                    {move || form_error().map(|m| view! { <p class="field-error" role="alert" data-field="form">{m}</p> })}
                    <button class="btn btn-primary" type="submit" data-testid="add-key-submit" disabled=move || pending.get()>
                        {move || if pending.get() { "Adding…" } else { "Add key" }}
                    </button>
                    <ShowApiCall call=Signal::derive(move || ApiCall::add_ssh_key_form(&ctx.label.get(), &ctx.key_text.get())) />
                </form>
                <Preview parsed />
            </div>
        </section>
    }
}

/// What the pasted key is, as it is typed; or how to get one.
#[component]
fn Preview(parsed: Memo<Result<PublicKey, KeyError>>) -> impl IntoView {
    let ctx = expect_context::<KeysCtx>();
    let facts = move || parsed.with(|p| p.as_ref().ok().map(KeyFacts::of));
    let empty = move || ctx.key_text.with(|t| t.trim().is_empty());
    view! {
        <aside class="key-preview" aria-live="polite" data-testid="key-preview">
            {move || match facts() {
                Some(f) => {
                    let already = ctx
                        .keys
                        .with(|keys| registered_as(&f.fingerprint, keys).map(|k| k.label.clone()));
                    view! {
                        <h3>"This key"</h3>
                        <dl class="kvs">
                            <div class="kv"><dt>"Type"</dt><dd data-testid="preview-type">{f.summary()}</dd></div>
                            <div class="kv"><dt>"Fingerprint"</dt><dd class="mono" data-testid="preview-fingerprint">{f.fingerprint.clone()}</dd></div>
                            <div class="kv"><dt>"Comment"</dt><dd>{f.comment.clone().unwrap_or_else(|| "—".into())}</dd></div>
                        </dl>
                        {already.map(|l| view! {
                            <p class="notice notice-info small" data-testid="already-registered">"You already have this key, labelled “"{l}"”."</p>
                        })}
                        <p class="muted small">"Check the fingerprint against "<code>"ssh-keygen -lf ~/.ssh/id_ed25519.pub"</code>" on your computer."</p>
                    }
                    .into_any()
                }
                None if !empty() => view! {
                    <h3>"Not a key yet"</h3>
                    <p class="muted small">"The type, size and fingerprint show here once the text is a valid OpenSSH public key."</p>
                }
                .into_any(),
                None => view! {
                    <h3>"Where to find your key"</h3>
                    <p class="muted small">"Paste the one line of your "<strong>".pub"</strong>" file. To see it:"</p>
                    <pre class="howto" tabindex="0">"cat ~/.ssh/id_ed25519.pub"</pre>
                    <p class="muted small">"No key yet? Make one (on Windows too, in PowerShell):"</p>
                    <pre class="howto" tabindex="0">"ssh-keygen -t ed25519 -C \"you@laptop\""</pre>
                    <p class="muted small">"Never paste the private key (the file without .pub)."</p>
                }
                .into_any(),
            }}
        </aside>
    }
}
