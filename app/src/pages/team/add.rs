//! Adding a person (name and role; the panel makes a one-time password), and the card that shows a
//! one-time password once, to pass on.

use leptos::prelude::*;

use super::TeamCtx;
use crate::api::team::AddMember;
use crate::components::copy::CopyButton;
use crate::components::error_view::report;
use crate::components::field::FieldError;
use crate::error::AppError;
use crate::model::team::{clean_name, name_problem, Role};

#[component]
pub fn AddMemberCard(reload: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<TeamCtx>();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Operator.as_str().to_string());
    let tried = RwSignal::new(false);
    let server_error = RwSignal::new(None::<AppError>);
    Effect::new(move |_| {
        let Some(r) = ctx.add.value().get() else {
            return;
        };
        report(&r, |p| {
            crate::tr!(team.add.added, name = p.name.clone()).to_string()
        });
        match r {
            Ok(p) => {
                name.set(String::new());
                tried.set(false);
                server_error.set(None);
                ctx.fresh.set(Some(p));
                reload.run(());
            }
            Err(e) => server_error.set(Some(e)),
        }
    });
    let error = Signal::derive(move || {
        let local = tried
            .get()
            .then(|| name_problem(&clean_name(&name.get())).map(|m| AppError::invalid("name", m)))
            .flatten();
        local.or_else(|| server_error.get())
    });
    let pending = ctx.add.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if name_problem(&clean_name(&name.get_untracked())).is_none() && !pending.get_untracked() {
            ctx.add.dispatch(AddMember {
                name: name.get_untracked(),
                role: role.get_untracked(),
            });
        }
    };
    view! {
        <section class="card team-add" aria-labelledby="add-member-h">
            <h2 id="add-member-h">{crate::tr!(team.add.title)}</h2>
            <form class="form" on:submit=on_submit novalidate=true data-testid="add-member-form">
                <label class="field">
                    <span>{crate::tr!(team.add.username)}</span>
                    <input name="name" autocomplete="off" spellcheck="false" maxlength="32"
                        aria-invalid=move || error.get().and_then(|e| e.field_message("name")).map(|_| "true")
                        aria-describedby="name-error"
                        prop:value=move || name.get()
                        on:input=move |ev| { server_error.set(None); name.set(event_target_value(&ev)); } />
                    <FieldError error field="name" />
                </label>
                <label class="field">
                    <span>{crate::tr!(team.col.role)}</span>
                    <select name="role" on:change=move |ev| role.set(event_target_value(&ev))>
                        {Role::ALL.into_iter().map(|r| view! {
                            <option value=r.as_str() selected=r == Role::Operator>{r.as_str()}</option>
                        }).collect_view()}
                    </select>
                    <span class="hint">{move || Role::parse(&role.get()).map(Role::summary)}</span>
                </label>
                <button class="btn btn-primary" type="submit" data-testid="add-member-submit" disabled=move || pending.get()>
                    {move || if pending.get() { crate::tr!(team.add.adding) } else { crate::tr!(team.add.add) }}
                </button>
                <p class="hint">{crate::tr!(team.add.hint)}</p>
            </form>
        </section>
    }
}

#[component]
pub fn FreshPassword() -> impl IntoView {
    let ctx = expect_context::<TeamCtx>();
    move || {
        ctx.fresh.get().map(|p| {
            view! {
                <section class="card notice notice-warn fresh-token" role="status" data-testid="one-time-password" aria-labelledby="otp-h">
                    <h2 id="otp-h">{crate::tr!(team.otp.title, name = p.name.clone()).to_string()}</h2>
                    <p>{crate::tr!(team.otp.text)}</p>
                    <p class="secret-line">
                        <code class="mono" data-testid="one-time-password-value">{p.password.clone()}</code>
                        <CopyButton text=p.password.clone() what=crate::tr!(team.otp.copy_what) />
                    </p>
                    <button class="btn btn-sm" type="button" on:click=move |_| ctx.fresh.set(None)>{crate::tr!(team.otp.done)}</button>
                </section>
            }
        })
    }
}
