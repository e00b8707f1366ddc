//! The snapshots tab's dialogs (restore, rename, delete, clone into template), above the part of
//! the page that refreshes, and what happens when each of the tab's actions answers.

use leptos::prelude::*;

use super::snap_ctx::SnapCtx;
use super::typed_name::TypedName;
use super::DetailCtx;
use crate::api::servers::snapshots::{
    DeleteSnapshot, RenameSnapshot, RestoreSnapshot, SnapshotTemplate,
};
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::{report, report_failure};
use crate::components::field::FieldError;
use crate::components::live::use_live;
use crate::components::toast::use_toasts;
use crate::model::api_call::{ApiCall, ServerAction as EcsAction, SnapshotPatch, TemplateFrom};
use crate::model::snapshot::confirms_restore;

#[component]
pub fn SnapshotDialogs() -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let snap = expect_context::<SnapCtx>();
    let chosen = move || {
        snap.chosen
            .with(|c| c.as_ref().map(|r| r.title().to_string()))
            .unwrap_or_default()
    };
    let chosen_id = move || snap.chosen.with_untracked(|c| c.as_ref().map(|r| r.id));
    // The open dialog's snapshot, tracked (for the call it shows).
    let shown_id = move || {
        snap.chosen
            .with(|c| c.as_ref().map(|r| r.id))
            .unwrap_or_default()
    };
    let notes = move || {
        ctx.current
            .with(|c| c.as_ref().map(|d| d.row.notes.clone()))
            .unwrap_or_default()
    };
    let server_title = move || {
        ctx.current
            .with(|c| c.as_ref().map(|d| d.row.title().to_string()))
            .unwrap_or_else(|| ctx.name.get())
    };
    let restore_error = Signal::derive(move || snap.restore.value().get().and_then(Result::err));
    let rename_error = Signal::derive(move || snap.rename.value().get().and_then(Result::err));
    let template_error = Signal::derive(move || snap.template.value().get().and_then(Result::err));
    let protected = move || {
        snap.chosen
            .with(|c| c.as_ref().is_some_and(|r| r.protected))
    };
    view! {
        <Dialog open=snap.restore_open title=crate::tr!(server.snapshots.dialog.restore_title) id="restore-dialog">
            <p>
                {crate::tr!(server.snapshots.dialog.restore_roll)}<strong>{server_title}</strong>{crate::tr!(server.snapshots.dialog.restore_back)}<strong>{chosen}</strong>
                {crate::tr!(server.snapshots.dialog.restore_end)}
            </p>
            <TypedName name=ctx.name notes=Signal::derive(notes) text=snap.confirm_text error=restore_error />
            <ShowApiCall call=Signal::derive(move || {
                ApiCall::server_action(&ctx.name.get(), &EcsAction::Rollback { snapshot: shown_id() })
            }) />
            <DialogActions
                open=snap.restore_open
                pending=snap.restore.pending()
                label=crate::tr!(server.snapshots.dialog.restore_confirm)
                busy=crate::tr!(server.sending)
                danger=true
                blocked=move || !confirms_restore(&snap.confirm_text.get(), &ctx.name.get(), &notes())
                test_id="restore-confirm"
                on_confirm=Callback::new(move |()| {
                    if let Some(snapshot) = chosen_id() {
                        snap.restore.dispatch(RestoreSnapshot {
                            name: ctx.name.get_untracked(),
                            snapshot,
                            typed: snap.confirm_text.get_untracked(),
                        });
                    }
                })
            />
        </Dialog>
        <Dialog open=snap.rename_open title=crate::tr!(server.snapshots.dialog.rename_title) id="rename-snapshot-dialog">
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if let Some(snapshot) = chosen_id() {
                        snap.rename.dispatch(RenameSnapshot {
                            name: ctx.name.get_untracked(),
                            snapshot,
                            description: snap.rename_description.get_untracked(),
                            notes: snap.rename_notes.get_untracked(),
                        });
                    }
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.snapshots.description)}</span>
                    <input
                        name="description"
                        maxlength="100"
                        prop:value=move || snap.rename_description.get()
                        on:input=move |ev| snap.rename_description.set(event_target_value(&ev))
                    />
                    <FieldError error=rename_error field="description" />
                </label>
                <label class="field">
                    <span>{crate::tr!(server.snapshots.notes)}</span>
                    <textarea
                        name="notes"
                        rows="3"
                        maxlength="500"
                        prop:value=move || snap.rename_notes.get()
                        on:input=move |ev| snap.rename_notes.set(event_target_value(&ev))
                    ></textarea>
                    <FieldError error=rename_error field="notes" />
                </label>
                <ShowApiCall call=Signal::derive(move || {
                    let (description, notes) = (snap.rename_description.get(), snap.rename_notes.get());
                    let patch = SnapshotPatch { description: Some(description.trim()), notes: Some(notes.trim()), protected: None };
                    ApiCall::update_snapshot(&ctx.name.get(), &shown_id().to_string(), &patch)
                }) />
                <DialogActions open=snap.rename_open pending=snap.rename.pending() label=crate::tr!(server.snapshots.dialog.save) busy=crate::tr!(server.saving) test_id="rename-snapshot-confirm" />
            </form>
        </Dialog>
        <Dialog open=snap.delete_open title=crate::tr!(server.snapshots.dialog.delete_title) id="delete-snapshot-dialog">
            {move || if protected() {
                view! {
                    <p data-testid="delete-protected">
                        "“"<strong>{chosen}</strong>{crate::tr!(server.snapshots.dialog.protected)}
                    </p>
                    <div class="dialog-actions">
                        <button class="btn btn-primary" type="button" on:click=move |_| snap.delete_open.set(false)>{crate::tr!(server.snapshots.dialog.ok)}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p>{crate::tr!(server.snapshots.dialog.delete_question)}<strong>{chosen}</strong>{crate::tr!(server.snapshots.dialog.delete_question_end)}</p>
                    <ShowApiCall call=Signal::derive(move || ApiCall::delete_snapshot(&ctx.name.get(), &shown_id().to_string())) />
                    <DialogActions
                        open=snap.delete_open
                        pending=snap.delete.pending()
                        label=crate::tr!(server.snapshots.dialog.delete_title)
                        busy=crate::tr!(server.deleting)
                        danger=true
                        test_id="delete-snapshot-confirm"
                        on_confirm=Callback::new(move |()| {
                            if let Some(snapshot) = chosen_id() {
                                snap.delete.dispatch(DeleteSnapshot { name: ctx.name.get_untracked(), snapshot });
                            }
                        })
                    />
                }.into_any()
            }}
        </Dialog>
        <Dialog open=snap.template_open title=crate::tr!(server.snapshots.table.clone) id="template-dialog">
            {move || match snap.made.get() {
                Some(t) => view! {
                    <p data-testid="template-made">
                        {crate::tr!(server.snapshots.dialog.made)}<span class="mono">{t.name.clone()}</span>{crate::tr!(server.snapshots.dialog.made_end)}
                    </p>
                    <div class="dialog-actions">
                        <a class="btn" href="/templates" data-testid="template-made-link">{crate::tr!(server.snapshots.dialog.open_templates)}</a>
                        <a class="btn btn-primary" href=t.create_server_href() data-testid="template-made-create">{crate::tr!(server.snapshots.dialog.create_from)}</a>
                    </div>
                }.into_any(),
                None => view! {
                    <form
                        class="form"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            if let Some(snapshot) = chosen_id() {
                                snap.template.dispatch(SnapshotTemplate { snapshot, description: snap.template_description.get_untracked() });
                            }
                        }
                    >
                        <p>
                            {crate::tr!(server.snapshots.dialog.template_intro)}<strong>{chosen}</strong>{crate::tr!(server.snapshots.dialog.template_intro_end)}
                        </p>
                        <label class="field">
                            <span>{crate::tr!(server.snapshots.dialog.template_description)}</span>
                            <input
                                name="template"
                                maxlength="100"
                                prop:value=move || snap.template_description.get()
                                on:input=move |ev| snap.template_description.set(event_target_value(&ev))
                            />
                            <FieldError error=template_error field="template" />
                        </label>
                        <ShowApiCall call=Signal::derive(move || {
                            ApiCall::create_template_form(TemplateFrom::Snapshot(shown_id()), &snap.template_description.get(), "")
                        }) />
                        <DialogActions open=snap.template_open pending=snap.template.pending() label=crate::tr!(server.snapshots.dialog.make_template) busy=crate::tr!(server.sending) test_id="template-confirm" />
                    </form>
                }.into_any(),
            }}
        </Dialog>
    }
}

/// Toasts, followed actions and reloads when the tab's actions answer.
pub fn follow_answers(ctx: DetailCtx, snap: SnapCtx) {
    let live = use_live();
    let toasts = use_toasts();
    let what = move || {
        snap.chosen
            .with_untracked(|c| c.as_ref().map(|r| r.title().to_string()))
            .unwrap_or_else(|| crate::tr!(server.snapshots.done.the_snapshot).into())
    };
    Effect::new(move |_| {
        if let Some(r) = snap.create.value().get() {
            match r {
                Ok(id) => {
                    let description = snap.description.get_untracked();
                    snap.description.set(String::new());
                    snap.notes.set(String::new());
                    toasts.ok(crate::tr!(
                        server.snapshots.done.taking,
                        description = description.clone()
                    )
                    .to_string());
                    if let Some(id) = id {
                        live.watch(
                            id,
                            crate::tr!(
                                server.snapshots.done.ready,
                                description = description.clone()
                            )
                            .to_string(),
                            crate::tr!(
                                server.snapshots.done.not_taken,
                                description = description.clone()
                            )
                            .to_string(),
                        );
                    }
                    snap.data.refetch();
                }
                Err(e) => report_failure(&e),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = snap.restore.value().get() {
            match r {
                Ok(id) => {
                    snap.restore_open.set(false);
                    let name = ctx.name.get_untracked();
                    toasts.ok(crate::tr!(
                        server.snapshots.done.restoring,
                        name = name.clone(),
                        snapshot = what()
                    )
                    .to_string());
                    live.watch(
                        id,
                        crate::tr!(
                            server.snapshots.done.restored,
                            name = name.clone(),
                            snapshot = what()
                        )
                        .to_string(),
                        crate::tr!(server.snapshots.done.not_restored, name = name.clone())
                            .to_string(),
                    );
                    snap.data.refetch();
                    ctx.reload.run(());
                }
                Err(e) => report_failure(&e),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = snap.rename.value().get() {
            report(&r, |row| {
                crate::tr!(
                    server.snapshots.done.renamed,
                    title = row.title().to_string()
                )
                .to_string()
            });
            if r.is_ok() {
                snap.rename_open.set(false);
                snap.data.refetch();
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = snap.protect.value().get() {
            report(&r, |row| {
                if row.protected {
                    crate::tr!(
                        server.snapshots.done.protected,
                        title = row.title().to_string()
                    )
                    .to_string()
                } else {
                    crate::tr!(
                        server.snapshots.done.unprotected,
                        title = row.title().to_string()
                    )
                    .to_string()
                }
            });
            snap.data.refetch();
        }
    });
    Effect::new(move |_| {
        if let Some(r) = snap.delete.value().get() {
            snap.delete_open.set(false);
            match r {
                Ok(id) => {
                    toasts
                        .ok(crate::tr!(server.snapshots.done.deleting, title = what()).to_string());
                    if let Some(id) = id {
                        live.watch(
                            id,
                            crate::tr!(server.snapshots.done.deleted, title = what()).to_string(),
                            crate::tr!(server.snapshots.done.not_deleted, title = what())
                                .to_string(),
                        );
                    }
                    snap.data.refetch();
                }
                Err(e) => report_failure(&e),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = snap.template.value().get() {
            match r {
                Ok(made) => {
                    if let Some(id) = made.action {
                        live.watch(
                            id,
                            crate::tr!(
                                server.snapshots.done.template_ready,
                                name = made.row.name.clone()
                            )
                            .to_string(),
                            crate::tr!(
                                server.snapshots.done.template_failed,
                                name = made.row.name.clone()
                            )
                            .to_string(),
                        );
                    }
                    snap.made.set(Some(made.row));
                }
                Err(e) => report_failure(&e),
            }
        }
    });
}
