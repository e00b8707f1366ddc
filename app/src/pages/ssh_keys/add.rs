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
            .map(|e| e.words(crate::locale::untracked()))
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
            <h2 id="add-key-h">{crate::tr!(ssh_keys.add_a_key)}</h2>
            <div class="add-key-grid">
                <form class="form" on:submit=on_submit novalidate=true data-testid="add-key-form">
                    <label class="field">
                        <span>{crate::tr!(ssh_keys.label)}</span>
                        <input
                            name="label"
                            autocomplete="off"
                            maxlength="200"
                            placeholder=crate::tr!(ssh_keys.label_placeholder)
                            aria-invalid=move || label_error.get().is_some().then_some("true")
                            prop:value=move || ctx.label.get()
                            on:input=move |ev| {
                                ctx.add_error.set(None);
                                ctx.label.set(event_target_value(&ev));
                            }
                        />
                        <FieldError error=label_error field="label" />
                        <span class="muted small">{crate::tr!(ssh_keys.label_hint)}</span>
                    </label>
                    <label class="field">
                        <span>{crate::tr!(ssh_keys.public_key)}</span>
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
                        {move || if pending.get() { crate::tr!(ssh_keys.adding) } else { crate::tr!(ssh_keys.add_key) }}
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
                        <h3>{crate::tr!(ssh_keys.this_key)}</h3>
                        <dl class="kvs">
                            <div class="kv"><dt>{crate::tr!(ssh_keys.kind)}</dt><dd data-testid="preview-type">{f.summary()}</dd></div>
                            <div class="kv"><dt>{crate::tr!(ssh_keys.fingerprint)}</dt><dd class="mono" data-testid="preview-fingerprint">{f.fingerprint.clone()}</dd></div>
                            <div class="kv"><dt>{crate::tr!(ssh_keys.comment)}</dt><dd>{f.comment.clone().unwrap_or_else(|| "—".into())}</dd></div>
                        </dl>
                        {already.map(|l| view! {
                            <p class="notice notice-info small" data-testid="already-registered">{crate::tr!(ssh_keys.already)}{l}{crate::tr!(ssh_keys.already_end)}</p>
                        })}
                        <p class="muted small">{crate::tr!(ssh_keys.check_fp)}<code>"ssh-keygen -lf ~/.ssh/id_ed25519.pub"</code>{crate::tr!(ssh_keys.check_fp_end)}</p>
                    }
                    .into_any()
                }
                None if !empty() => view! {
                    <h3>{crate::tr!(ssh_keys.not_yet)}</h3>
                    <p class="muted small">{crate::tr!(ssh_keys.not_yet_text)}</p>
                }
                .into_any(),
                None => view! {
                    <h3>{crate::tr!(ssh_keys.where_find)}</h3>
                    <p class="muted small">{crate::tr!(ssh_keys.paste)}<strong>".pub"</strong>{crate::tr!(ssh_keys.paste_end)}</p>
                    <pre class="howto" tabindex="0">"cat ~/.ssh/id_ed25519.pub"</pre>
                    <p class="muted small">{crate::tr!(ssh_keys.make_one)}</p>
                    <pre class="howto" tabindex="0">"ssh-keygen -t ed25519 -C \"you@laptop\""</pre>
                    <p class="muted small">{crate::tr!(ssh_keys.never_private)}</p>
                }
                .into_any(),
            }}
        </aside>
    }
}
