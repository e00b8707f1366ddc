//! The delete dialog: it lists the servers in the group first and says what happens to them
//! (nothing: a group is only a label, so they stay, in no group).

use leptos::prelude::*;

use super::GroupsCtx;
use crate::api::groups::DeleteGroup;
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::{report_failure, ErrorNotice};
use crate::components::toast::use_toasts;
use crate::error::AppError;
use crate::model::api_call::ApiCall;
use crate::model::group::servers_count;
use crate::model::group::GroupRow;

#[component]
pub fn DeleteGroupDialog() -> impl IntoView {
    let ctx = expect_context::<GroupsCtx>();
    // A missing group is reported by a toast (the dialog closes); other failures stay here.
    let error = move || {
        ctx.delete
            .value()
            .get()
            .and_then(Result::err)
            .filter(|e| !matches!(e, AppError::NotFound(_)))
    };
    view! {
        <Dialog open=ctx.delete_open title=crate::tr!(groups.delete_dialog) id="delete-group-dialog">
            {move || ctx.target.get().map(|g| view! { <Body group=g /> })}
            {move || error().map(|e| view! { <ErrorNotice error=e /> })}
            <ShowApiCall call=Signal::derive(move || {
                ApiCall::delete_group(ctx.target.with(|g| g.as_ref().map(GroupRow::key)).unwrap_or_default().trim())
            }) />
            <DialogActions
                open=ctx.delete_open
                pending=ctx.delete.pending()
                label=crate::tr!(groups.delete_dialog)
                busy=crate::tr!(groups.deleting)
                danger=true
                test_id="delete-group-confirm"
                on_confirm=Callback::new(move |()| {
                    if let Some(key) = ctx.target.with_untracked(|g| g.as_ref().map(GroupRow::key)) {
                        ctx.delete.dispatch(DeleteGroup { key });
                    }
                })
            />
        </Dialog>
    }
}

#[component]
fn Body(group: GroupRow) -> impl IntoView {
    let intro = view! {
        <p>
            {crate::tr!(groups.delete_question)}<strong>{group.title().to_string()}</strong>" "
            <span class="mono muted">{format!("({})", group.name)}</span>{crate::tr!(groups.delete_question_end)}
        </p>
    };
    let members = match group.members.clone() {
        Some(m) if m.is_empty() => view! {
            <p class="muted" data-testid="group-members">{crate::tr!(groups.no_members)}</p>
        }
        .into_any(),
        Some(m) => view! {
            <p>{crate::tr!(groups.holds, count = servers_count(m.len())).to_string()}</p>
            <ul class="names member-list" data-testid="group-members">
                {m.into_iter().map(|s| view! {
                    <li>
                        <a href=format!("/servers/{}", s.name)>{s.title().to_string()}</a>
                        " "
                        <span class="mono muted small">{s.name.clone()}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="notice notice-info">
                {crate::tr!(groups.members_stay)}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="notice notice-info" data-testid="group-members">
                {crate::tr!(groups.members_unknown)}
            </p>
        }
        .into_any(),
    };
    view! { {intro} {members} }
}

/// When the delete answers: a toast, the dialog closed, the table reloaded. A group that is
/// gone already says so in plain words, and the table catches up.
pub fn follow_delete(ctx: GroupsCtx) {
    let toasts = use_toasts();
    Effect::new(move |_| {
        let Some(result) = ctx.delete.value().get() else {
            return;
        };
        let title = ctx
            .target
            .with_untracked(|g| g.as_ref().map(|g| g.title().to_string()))
            .unwrap_or_default();
        match result {
            Ok(()) => {
                ctx.delete_open.set(false);
                toasts.ok(crate::tr!(groups.deleted, title = title.clone()).to_string());
                ctx.reload.run(());
            }
            Err(e @ AppError::NotFound(_)) => {
                ctx.delete_open.set(false);
                report_failure(&e);
                ctx.reload.run(());
            }
            // Shown in the dialog (sign-in when the session ended).
            Err(_) => {}
        }
    });
}
