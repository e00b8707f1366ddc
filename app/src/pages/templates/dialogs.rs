//! The edit and delete dialogs, and what happens when the page's actions answer: toasts, the
//! actions followed live, and a reload so the table shows the new state at once.

use leptos::prelude::*;

use super::new::NotesField;
use super::{NewForm, TemplatesCtx};
use crate::api::templates::{DeleteTemplate, UpdateTemplate};
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::{report_failure, ErrorNotice};
use crate::components::field::FieldError;
use crate::components::live::use_live;
use crate::components::toast::use_toasts;
use crate::error::AppError;
use crate::model::api_call::ApiCall;
use crate::model::template::DESCRIPTION_MAX;

/// The target's title and name, for the dialogs' words.
fn target_words(ctx: TemplatesCtx) -> (String, String) {
    ctx.target
        .with(|t| t.as_ref().map(|t| (t.title().to_string(), t.name.clone())))
        .unwrap_or_default()
}

#[component]
pub fn EditDialog() -> impl IntoView {
    let ctx = expect_context::<TemplatesCtx>();
    let error = Signal::derive(move || ctx.update.value().get().and_then(Result::err));
    let general = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(name) = ctx
            .target
            .with_untracked(|t| t.as_ref().map(|t| t.name.clone()))
        else {
            return;
        };
        if !ctx.update.pending().get_untracked() {
            ctx.update.dispatch(UpdateTemplate {
                name,
                description: ctx.edit_description.get_untracked(),
                notes: ctx.edit_notes.get_untracked(),
            });
        }
    };
    view! {
        <Dialog open=ctx.edit_open title=crate::tr!(templates.edit_dialog) id="edit-template-dialog">
            <p class="muted small">
                {move || format!("{} · ", target_words(ctx).1)}
                {crate::tr!(templates.edit_note)}
            </p>
            <form class="form" on:submit=on_submit novalidate=true>
                <label class="field">
                    <span>{crate::tr!(templates.description)}</span>
                    <input
                        name="description"
                        required=true
                        maxlength=DESCRIPTION_MAX.to_string()
                        autocomplete="off"
                        prop:value=move || ctx.edit_description.get()
                        on:input=move |ev| ctx.edit_description.set(event_target_value(&ev))
                    />
                    <FieldError error field="description" />
                </label>
                <NotesField
                    rows=4
                    value=ctx.edit_notes.into()
                    on_input=Callback::new(move |text| ctx.edit_notes.set(text))
                    error
                />
                {move || general().map(|e| view! { <ErrorNotice error=e /> })}
                <ShowApiCall call=Signal::derive(move || {
                    let (description, notes) = (ctx.edit_description.get(), ctx.edit_notes.get());
                    ApiCall::update_template(&target_words(ctx).1, Some(description.trim()), Some(notes.trim()))
                }) />
                <DialogActions
                    open=ctx.edit_open
                    pending=ctx.update.pending()
                    label=crate::tr!(templates.save)
                    busy=crate::tr!(templates.saving)
                    test_id="edit-template-save"
                />
            </form>
        </Dialog>
    }
}

#[component]
pub fn DeleteDialog() -> impl IntoView {
    let ctx = expect_context::<TemplatesCtx>();
    view! {
        <Dialog open=ctx.delete_open title=crate::tr!(templates.delete_dialog) id="delete-template-dialog">
            <p>
                {crate::tr!(templates.delete_question)}<strong>{move || target_words(ctx).0}</strong>" "
                <span class="mono muted">{move || format!("({})", target_words(ctx).1)}</span>{crate::tr!(templates.delete_question_end)}
                {crate::tr!(templates.delete_warn)}
            </p>
            <ShowApiCall call=Signal::derive(move || ApiCall::delete_template(&target_words(ctx).1)) />
            <DialogActions
                open=ctx.delete_open
                pending=ctx.delete.pending()
                label=crate::tr!(templates.delete_dialog)
                busy=crate::tr!(templates.deleting)
                danger=true
                test_id="delete-template-confirm"
                on_confirm=Callback::new(move |()| {
                    if let Some(name) = ctx.target.with_untracked(|t| t.as_ref().map(|t| t.name.clone())) {
                        ctx.delete.dispatch(DeleteTemplate { name });
                    }
                })
            />
        </Dialog>
    }
}

/// Toasts, followed actions and reloads when the page's actions answer.
pub fn follow_outcomes(ctx: TemplatesCtx) {
    let live = use_live();
    let toasts = use_toasts();
    Effect::new(move |_| {
        let Some(result) = ctx.create.value().get() else {
            return;
        };
        // An error shows in the dialog: at its field, or under the form (sign-in when the
        // session ended).
        if let Ok(made) = result {
            ctx.create_open.set(false);
            ctx.new_form.set(NewForm::default());
            let title = format!("“{}”", made.row.title());
            if let Some(id) = made.action {
                live.watch(
                    id,
                    crate::tr!(templates.ready, title = title.clone()).to_string(),
                    crate::tr!(templates.not_made, title = title.clone()).to_string(),
                );
            }
            toasts.ok(crate::tr!(templates.making, title = title).to_string());
            ctx.reload.run(());
        }
    });
    Effect::new(move |_| {
        let Some(result) = ctx.update.value().get() else {
            return;
        };
        // An error shows in the dialog, as for the create.
        if result.is_ok() {
            ctx.edit_open.set(false);
            toasts.ok(crate::tr!(templates.saved));
            ctx.reload.run(());
        }
    });
    Effect::new(move |_| {
        let Some(result) = ctx.delete.value().get() else {
            return;
        };
        let title = format!("“{}”", target_words_untracked(ctx));
        match result {
            Ok(id) => {
                ctx.delete_open.set(false);
                if let Some(id) = id {
                    live.watch(
                        id,
                        crate::tr!(templates.deleted, title = title.clone()).to_string(),
                        crate::tr!(templates.not_deleted, title = title.clone()).to_string(),
                    );
                }
                toasts.ok(crate::tr!(templates.deleting_name, title = title).to_string());
                ctx.reload.run(());
            }
            Err(e) => {
                ctx.delete_open.set(false);
                report_failure(&e);
                // Gone already, or changed meanwhile: show what is there now.
                ctx.reload.run(());
            }
        }
    });
}

fn target_words_untracked(ctx: TemplatesCtx) -> String {
    ctx.target
        .with_untracked(|t| t.as_ref().map(|t| t.title().to_string()))
        .unwrap_or_default()
}
