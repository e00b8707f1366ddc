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
        <Dialog open=snap.restore_open title="Restore snapshot" id="restore-dialog">
            <p>
                "Roll "<strong>{server_title}</strong>" back to “"<strong>{chosen}</strong>"”? "
                "The server reboots, and everything written to its disk since the snapshot was taken is lost. "
                "This cannot be undone; take a snapshot first if you may want today's disk back."
            </p>
            <TypedName name=ctx.name notes=Signal::derive(notes) text=snap.confirm_text error=restore_error />
            <ShowApiCall call=Signal::derive(move || {
                ApiCall::server_action(&ctx.name.get(), &EcsAction::Rollback { snapshot: shown_id() })
            }) />
            <DialogActions
                open=snap.restore_open
                pending=snap.restore.pending()
                label="Restore and reboot"
                busy="Sending…"
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
        <Dialog open=snap.rename_open title="Rename snapshot" id="rename-snapshot-dialog">
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
                    <span>"Description"</span>
                    <input
                        name="description"
                        maxlength="100"
                        prop:value=move || snap.rename_description.get()
                        on:input=move |ev| snap.rename_description.set(event_target_value(&ev))
                    />
                    <FieldError error=rename_error field="description" />
                </label>
                <label class="field">
                    <span>"Notes"</span>
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
                <DialogActions open=snap.rename_open pending=snap.rename.pending() label="Save" busy="Saving…" test_id="rename-snapshot-confirm" />
            </form>
        </Dialog>
        <Dialog open=snap.delete_open title="Delete snapshot" id="delete-snapshot-dialog">
            {move || if protected() {
                view! {
                    <p data-testid="delete-protected">
                        "“"<strong>{chosen}</strong>"” is protected: it is kept until you unprotect it, so neither you nor the schedule can delete it by mistake. "
                        "Unprotect it first (the Unprotect button in its row), then delete it."
                    </p>
                    <div class="dialog-actions">
                        <button class="btn btn-primary" type="button" on:click=move |_| snap.delete_open.set(false)>"OK"</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p>"Delete “"<strong>{chosen}</strong>"”? The server cannot be restored to it afterwards. The server itself is not touched."</p>
                    <ShowApiCall call=Signal::derive(move || ApiCall::delete_snapshot(&ctx.name.get(), &shown_id().to_string())) />
                    <DialogActions
                        open=snap.delete_open
                        pending=snap.delete.pending()
                        label="Delete snapshot"
                        busy="Deleting…"
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
        <Dialog open=snap.template_open title="Clone into template" id="template-dialog">
            {move || match snap.made.get() {
                Some(t) => view! {
                    <p data-testid="template-made">
                        "ECS is making template "<span class="mono">{t.name.clone()}</span>" from the snapshot. It appears on the Templates page now and is ready in a few minutes."
                    </p>
                    <div class="dialog-actions">
                        <a class="btn" href="/templates" data-testid="template-made-link">"Open templates"</a>
                        <a class="btn btn-primary" href=t.create_server_href() data-testid="template-made-create">"Create a server from it"</a>
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
                            "A template is an independent copy of “"<strong>{chosen}</strong>"” that new servers can be created from (users, software and files; not network interfaces or addresses). "
                            "Seeweb does not make templates of v1 servers or of servers on the eCSGPU8 plan."
                        </p>
                        <label class="field">
                            <span>"Template description"</span>
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
                        <DialogActions open=snap.template_open pending=snap.template.pending() label="Make template" busy="Sending…" test_id="template-confirm" />
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
            .unwrap_or_else(|| "The snapshot".into())
    };
    Effect::new(move |_| {
        if let Some(r) = snap.create.value().get() {
            match r {
                Ok(id) => {
                    let description = snap.description.get_untracked();
                    snap.description.set(String::new());
                    snap.notes.set(String::new());
                    toasts.ok(format!("Taking snapshot “{description}”…"));
                    if let Some(id) = id {
                        live.watch(
                            id,
                            format!("Snapshot “{description}” is ready"),
                            format!("Snapshot “{description}” could not be taken"),
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
                    toasts.ok(format!("Restoring {name} to “{}”…", what()));
                    live.watch(
                        id,
                        format!("{name} is restored to “{}”", what()),
                        format!("{name} could not be restored"),
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
            report(&r, |row| format!("Snapshot renamed to “{}”", row.title()));
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
                    format!("“{}” is protected", row.title())
                } else {
                    format!("“{}” is no longer protected", row.title())
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
                    toasts.ok(format!("Deleting “{}”…", what()));
                    if let Some(id) = id {
                        live.watch(
                            id,
                            format!("“{}” is deleted", what()),
                            format!("“{}” could not be deleted", what()),
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
                            format!("Template {} is ready", made.row.name),
                            format!("Template {} could not be made", made.row.name),
                        );
                    }
                    snap.made.set(Some(made.row));
                }
                Err(e) => report_failure(&e),
            }
        }
    });
}
