//! Changing the password: the current one, the new one twice, and the rules shown ticking off as
//! the new one is typed. The same rules run again in the server function.

use leptos::prelude::*;

use crate::api::account::ChangePassword;
use crate::components::error_view::report;
use crate::components::field::FieldError;
use crate::error::AppError;
use crate::model::account::{password_problem, password_rules};

/// Also the forced change of `/password` (team mode), which goes on once it is done.
#[component]
pub fn PasswordCard(
    /// Who is signed in: a new password must not contain it.
    username: RwSignal<String>,
    /// Runs once the password is changed.
    #[prop(optional)]
    on_changed: Option<Callback<()>>,
) -> impl IntoView {
    let team = crate::components::layout::signed_in_as().is_some_and(|v| v.team);
    let change = ServerAction::<ChangePassword>::new();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let server_error = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(r) = change.value().get() else {
            return;
        };
        report(&r, |_| {
            crate::tr!(account.password.changed_toast).to_string()
        });
        match r {
            Ok(()) => {
                for s in [current, new, confirm] {
                    s.set(String::new());
                }
                tried.set(false);
                server_error.set(None);
                done.set(true);
                if let Some(go_on) = on_changed {
                    go_on.run(());
                }
            }
            // What was typed stays: only the message appears.
            Err(e) => server_error.set(Some(e)),
        }
    });
    let rules = Memo::new(move |_| username.with(|u| new.with(|n| password_rules(n, u))));
    // The browser's check once a send was tried, else the server's last refusal.
    let error = Signal::derive(move || {
        let local = tried.get().then(|| {
            username.with(|u| {
                password_problem(&current.get(), &new.get(), &confirm.get(), u).map(AppError::at)
            })
        });
        local.flatten().or_else(|| server_error.get())
    });
    let other = move || {
        server_error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
            .map(|e| e.words(crate::locale::untracked()))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        done.set(false);
        let ok = username.with_untracked(|u| {
            password_problem(
                &current.get_untracked(),
                &new.get_untracked(),
                &confirm.get_untracked(),
                u,
            )
            .is_none()
        });
        if ok && !change.pending().get_untracked() {
            change.dispatch(ChangePassword {
                current: current.get_untracked(),
                new: new.get_untracked(),
                confirm: confirm.get_untracked(),
            });
        }
    };
    let input = move |s: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            server_error.set(None);
            done.set(false);
            s.set(event_target_value(&ev));
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            error
                .get()
                .and_then(|e| e.field_message(field))
                .map(|_| "true")
        }
    };
    let pending = change.pending();
    view! {
        <section class="card" aria-labelledby="password-h">
            <h2 id="password-h">{crate::tr!(account.password.title)}</h2>
            <div class="password-grid">
                <form class="form" on:submit=on_submit novalidate=true data-testid="password-form">
                    <label class="field">
                        <span>{crate::tr!(account.password.current)}</span>
                        <input name="current" type="password" autocomplete="current-password" aria-invalid=invalid("current") prop:value=move || current.get() on:input=input(current) />
                        <FieldError error field="current" />
                    </label>
                    <label class="field">
                        <span>{crate::tr!(account.password.new_password)}</span>
                        <input name="new" type="password" autocomplete="new-password" aria-describedby="password-rules" aria-invalid=invalid("new") prop:value=move || new.get() on:input=input(new) />
                        <FieldError error field="new" />
                    </label>
                    <label class="field">
                        <span>{crate::tr!(account.password.confirm)}</span>
                        <input name="confirm" type="password" autocomplete="new-password" aria-invalid=invalid("confirm") prop:value=move || confirm.get() on:input=input(confirm) />
                        <FieldError error field="confirm" />
                    </label>
                    {move || other().map(|m| view! { <p class="field-error" role="alert" data-field="form">{m}</p> })}
                    {move || done.get().then(|| view! {
                        <p class="notice notice-ok" role="status" data-testid="password-changed">
                            {if team {
                                crate::tr!(account.password.changed_team)
                            } else {
                                crate::tr!(account.password.changed_personal)
                            }}
                        </p>
                    })}
                    <button class="btn btn-primary" type="submit" data-testid="password-submit" disabled=move || pending.get()>
                        {move || if pending.get() { crate::tr!(account.password.changing) } else { crate::tr!(account.password.change) }}
                    </button>
                </form>
                <aside class="password-rules" id="password-rules" aria-live="polite">
                    <h3>{crate::tr!(account.password.needs)}</h3>
                    <ul class="rules" data-testid="password-rules">
                        {move || rules.get().into_iter().map(|r| view! {
                            <li class:met=r.met data-met=r.met.to_string()>
                                <span aria-hidden="true">{if r.met { "✓" } else { "·" }}</span>" "{r.text}
                                <span class="sr-only">{if r.met { crate::tr!(account.password.met) } else { crate::tr!(account.password.not_met) }}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </aside>
            </div>
        </section>
    }
}
