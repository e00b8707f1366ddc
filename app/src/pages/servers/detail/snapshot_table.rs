//! The snapshots table: each snapshot's state, size and age, its lock and markers, and its own
//! actions (disabled, with the reason, while ECS would refuse them). On phones rows become cards.

use leptos::prelude::*;

use super::snap_ctx::SnapCtx;
use super::DetailCtx;
use crate::api::servers::snapshots::ProtectSnapshot;
use crate::components::status::Progress;
use crate::components::when::When;
use crate::model::activity::Running;
use crate::model::snapshot::{SnapshotRow, SnapshotState, MAX_PROTECTED};

#[component]
pub fn SnapshotTable(
    rows: Vec<SnapshotRow>,
    /// Twelve are protected already.
    limit: bool,
    busy: Signal<Option<Running>>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table snapshots" data-testid="snapshots-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(server.snapshots.table.snapshot)}</th>
                        <th scope="col">{crate::tr!(server.snapshots.table.status)}</th>
                        <th scope="col" class="num">{crate::tr!(server.snapshots.table.size)}</th>
                        <th scope="col">{crate::tr!(server.snapshots.table.created)}</th>
                        <th scope="col"><span class="sr-only">{crate::tr!(server.snapshots.table.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <Row row limit busy /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(row: SnapshotRow, limit: bool, busy: Signal<Option<Running>>) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let snap = expect_context::<SnapCtx>();
    let ready = row.is_ready();
    let title = row.title().to_string();
    let wait = move || {
        busy.get()
            .map(|r| crate::tr!(server.wait_until, doing = r.doing.to_lowercase()).to_string())
    };
    let server_action_blocked = move || !ready || busy.get().is_some();
    let protect_title = if row.protected {
        crate::tr!(server.snapshots.table.unprotect_title).to_string()
    } else if limit {
        crate::tr!(server.snapshots.table.limit_title, max = MAX_PROTECTED).to_string()
    } else {
        crate::tr!(server.snapshots.table.protect_title).to_string()
    };
    let (r1, r2, r3, r4) = (row.clone(), row.clone(), row.clone(), row.clone());
    let id = row.id;
    let protected = row.protected;
    let protect_pending = snap.protect.pending();
    view! {
        <tr data-testid="snapshot-row" data-name=row.name.clone() data-id=row.id.to_string()>
            <td class="col-name" data-label=crate::tr!(server.snapshots.table.snapshot)>
                <strong class="snapshot-title">
                    {row.protected.then(|| view! {
                        // An inline icon: emoji fonts are not on every machine.
                        <svg class="lock-icon" viewBox="0 0 16 16" role="img" aria-label=crate::tr!(server.snapshots.table.lock) data-testid="snapshot-lock">
                            <path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"/>
                        </svg>
                    })}
                    {title.clone()}
                </strong>
                <span class="mono muted small">{row.name.clone()}</span>
                {(!row.notes.is_empty() && row.notes != row.description).then(|| view! {
                    <span class="notes" data-testid="snapshot-notes">{row.notes.clone()}</span>
                })}
                <span class="markers">
                    {row.last_restored.then(|| view! { <span class="tag" data-testid="last-restored">{crate::tr!(server.snapshots.table.last_restored)}</span> })}
                    {row.restoring.then(|| view! { <span class="tag tag-busy" data-testid="restoring">{crate::tr!(server.snapshots.table.being_restored)}</span> })}
                    {row.goes_next.then(|| view! {
                        <span class="tag tag-warn" data-testid="goes-next" title=crate::tr!(server.snapshots.table.goes_next_title)>{crate::tr!(server.snapshots.table.goes_next)}</span>
                    })}
                </span>
            </td>
            <td class="col-status" data-label=crate::tr!(server.snapshots.table.status)>
                <span class="status" title=crate::tr!(server.snapshots.table.status_title, meaning = row.state.meaning(), code = row.code.clone()).to_string() data-testid="snapshot-status">
                    <span class=format!("badge badge-{}", row.state.tone())>{row.state.label()}</span>
                    {matches!(row.state, SnapshotState::Creating | SnapshotState::Deleting).then(|| view! { <Progress value=None /> })}
                </span>
            </td>
            <td class="num" data-label=crate::tr!(server.snapshots.table.size)>{row.size.clone().unwrap_or_else(|| "—".into())}</td>
            <td class="col-created" data-label=crate::tr!(server.snapshots.table.created)>
                {row.created.clone().map(|c| view! {
                    <When at=c/>
                })}
            </td>
            <td class="col-actions">
                <div class="row-actions">
                    <button
                        class="btn btn-sm btn-primary"
                        type="button"
                        data-testid="snapshot-restore"
                        disabled=server_action_blocked
                        title=move || wait().unwrap_or_else(|| crate::tr!(server.snapshots.table.restore_title).into())
                        on:click=move |_| snap.ask_restore(r1.clone())
                    >{crate::tr!(server.snapshots.table.restore)}</button>
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="snapshot-template"
                        disabled=!ready
                        title=crate::tr!(server.snapshots.table.template_title)
                        on:click=move |_| snap.ask_template(r2.clone())
                    >{crate::tr!(server.snapshots.table.clone)}</button>
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="snapshot-protect"
                        aria-pressed=protected.to_string()
                        // The limit is said before the 13th is asked for: the button explains it.
                        disabled=move || protect_pending.get() || (!protected && limit)
                        title=protect_title
                        on:click=move |_| {
                            snap.protect.dispatch(ProtectSnapshot { name: ctx.name.get_untracked(), snapshot: id, protect: !protected });
                        }
                    >{if protected { crate::tr!(server.snapshots.table.unprotect) } else { crate::tr!(server.snapshots.table.protect) }}</button>
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="snapshot-rename"
                        disabled=row.state == SnapshotState::Deleting
                        on:click=move |_| snap.ask_rename(r3.clone())
                    >{crate::tr!(server.snapshots.table.rename)}</button>
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="snapshot-delete"
                        disabled=!ready
                        title=if protected { crate::tr!(server.snapshots.table.delete_protected_title) } else { crate::tr!(server.snapshots.table.delete_title) }
                        on:click=move |_| snap.ask_delete(r4.clone())
                    >{crate::tr!(server.delete)}</button>
                </div>
            </td>
        </tr>
    }
}
