//! The create form: a name (the group's notes) and the password the API still requires. A blank
//! password is replaced on the server by a strong random one; the form empties once it is created.

use leptos::prelude::*;

use super::GroupsCtx;
use crate::api::groups::CreateGroup;
use crate::components::api_call::ShowApiCall;
use crate::components::error_view::ErrorNotice;
use crate::components::field::FieldError;
use crate::components::toast::use_toasts;
use crate::error::AppError;
use crate::model::api_call::ApiCall;
use crate::model::group::{GroupPassword, NOTES_MAX, PASSWORD_MAX};

#[component]
pub fn NewGroupCard() -> impl IntoView {
    let ctx = expect_context::<GroupsCtx>();
    let error = Signal::derive(move || ctx.create.value().get().and_then(Result::err));
    let general = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
    };
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ctx.create.pending().get_untracked() {
            ctx.create.dispatch(CreateGroup {
                notes: ctx.notes.get_untracked(),
                password: GroupPassword(ctx.password.get_untracked()),
            });
        }
    };
    view! {
        <section class="card new-group" aria-labelledby="new-group-h">
            <h2 id="new-group-h">{crate::tr!(groups.new_group)}</h2>
            <form class="form" on:submit=on_submit novalidate=true data-testid="new-group" data-ready=move || ready.get().to_string()>
                <label class="field">
                    <span>{crate::tr!(groups.name)}</span>
                    <input
                        name="notes"
                        required=true
                        maxlength=NOTES_MAX.to_string()
                        autocomplete="off"
                        placeholder=crate::tr!(groups.name_placeholder)
                        prop:value=move || ctx.notes.get()
                        on:input=move |ev| ctx.notes.set(event_target_value(&ev))
                    />
                    <FieldError error field="notes" />
                </label>
                <label class="field">
                    <span>{crate::tr!(groups.password)} <span class="muted small">{crate::tr!(groups.optional)}</span></span>
                    <input
                        name="password"
                        type="password"
                        maxlength=PASSWORD_MAX.to_string()
                        autocomplete="new-password"
                        prop:value=move || ctx.password.get()
                        on:input=move |ev| ctx.password.set(event_target_value(&ev))
                    />
                    <span class="muted small" id="group-password-why">
                        {crate::tr!(groups.password_why)}
                    </span>
                    <FieldError error field="password" />
                </label>
                {move || general().map(|e| view! { <ErrorNotice error=e /> })}
                <button class="btn btn-primary" type="submit" data-testid="new-group-submit" disabled=move || ctx.create.pending().get()>
                    {move || if ctx.create.pending().get() { crate::tr!(groups.creating) } else { crate::tr!(groups.create) }}
                </button>
                // The password is shown as $GROUP_PASSWORD (a blank one is a random one, made on the
                // server).
                <ShowApiCall call=Signal::derive(move || ApiCall::create_group(ctx.notes.get().trim(), &ctx.password.get())) />
            </form>
        </section>
    }
}

/// When the create answers: the form is emptied, a toast names the new group, the table reloads.
pub fn follow_create(ctx: GroupsCtx) {
    let toasts = use_toasts();
    Effect::new(move |_| {
        let Some(result) = ctx.create.value().get() else {
            return;
        };
        if let Ok(group) = result {
            ctx.notes.set(String::new());
            ctx.password.set(String::new());
            toasts.ok(crate::tr!(
                groups.created,
                title = group.title().to_string(),
                name = group.name.clone()
            )
            .to_string());
            ctx.reload.run(());
        }
        // Errors show in the form: at their field, or under it.
    });
}
