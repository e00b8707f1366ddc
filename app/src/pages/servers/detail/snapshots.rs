//! The detail page's snapshots tab (`?tab=snapshots`): take a snapshot, and for each one restore,
//! clone into a template, protect, rename or delete it; the weekly schedule in `schedule`, the
//! dialogs in `snapshot_dialogs`. Its state lives in [`SnapCtx`], made above the part of the
//! page that refreshes, so nothing typed is lost when the list reloads.

use leptos::prelude::*;

use super::busy::BusyNotice;
use super::snap_ctx::{server_busy, SnapCtx};
use super::DetailCtx;
use crate::api::servers::snapshots::CreateSnapshot;
use crate::components::api_call::ShowApiCall;
use crate::components::field::FieldError;
use crate::components::live::use_live;
use crate::model::activity::Running;
use crate::model::api_call::ApiCall;
use crate::model::snapshot::{SnapshotsView, MAX_PROTECTED};

#[component]
pub fn SnapshotsTab() -> impl IntoView {
    let snap = expect_context::<SnapCtx>();
    view! {
        <super::tab_data::TabData
            data=snap.data
            loading=crate::tr!(server.snapshots.loading)
            testid="snapshots"
            render=|view| view! { <Loaded view /> }.into_any()
        />
    }
}

#[component]
fn Loaded(view: SnapshotsView) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let live = use_live();
    let busy = {
        let view = view.clone();
        Signal::derive(move || server_busy(live.on(&ctx.name.get()), Some(&view)))
    };
    let rows = view.rows.clone();
    let protected = view.protected_count();
    // Marks the tab live once it is hydrated (Effects run only in the browser).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    view! {
        <div class="grid grid-detail" data-ready=move || ready.get().to_string()>
            <CreateCard busy />
            <super::schedule::ScheduleCard view=view.clone() />
        </div>
        <BusyNotice busy />
        <section class="card" aria-labelledby="snapshots-title">
            <div class="card-title-row">
                <h2 id="snapshots-title">{crate::tr!(server.snapshots.title)}</h2>
                <span class="muted small" data-testid="protected-count">
                    {crate::tr!(server.snapshots.protected_count, protected = protected, max = MAX_PROTECTED).to_string()}
                </span>
            </div>
            {(protected >= MAX_PROTECTED).then(|| view! {
                <p class="notice notice-warn" data-testid="protect-limit">
                    {crate::tr!(server.snapshots.limit, max = MAX_PROTECTED).to_string()}
                </p>
            })}
            {if rows.is_empty() {
                view! {
                    <div class="empty" data-testid="snapshots-empty">
                        <p><strong>{crate::tr!(server.snapshots.empty)}</strong></p>
                        <p class="muted">{crate::tr!(server.snapshots.empty_hint)}</p>
                    </div>
                }.into_any()
            } else {
                {
                    let limit = protected >= MAX_PROTECTED;
                    view! { <super::snapshot_table::SnapshotTable rows limit busy /> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn CreateCard(busy: Signal<Option<Running>>) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let snap = expect_context::<SnapCtx>();
    let error = Signal::derive(move || snap.create.value().get().and_then(Result::err));
    let pending = snap.create.pending();
    view! {
        <section class="card" aria-labelledby="snapshot-new-title">
            <h2 id="snapshot-new-title">{crate::tr!(server.snapshots.take_title)}</h2>
            <p class="muted small">
                {crate::tr!(server.snapshots.take_hint)}
            </p>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    snap.create.dispatch(CreateSnapshot {
                        name: ctx.name.get_untracked(),
                        description: snap.description.get_untracked(),
                        notes: snap.notes.get_untracked(),
                    });
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.snapshots.description)}</span>
                    <input
                        name="description"
                        maxlength="100"
                        placeholder=crate::tr!(server.snapshots.description_placeholder)
                        prop:value=move || snap.description.get()
                        on:input=move |ev| snap.description.set(event_target_value(&ev))
                    />
                    <FieldError error field="description" />
                </label>
                <label class="field">
                    <span>{crate::tr!(server.snapshots.notes)}" "<span class="muted">{crate::tr!(server.snapshots.optional)}</span></span>
                    <textarea
                        name="notes"
                        rows="2"
                        maxlength="500"
                        prop:value=move || snap.notes.get()
                        on:input=move |ev| snap.notes.set(event_target_value(&ev))
                    ></textarea>
                    <FieldError error field="notes" />
                </label>
                <button
                    class="btn btn-primary"
                    type="submit"
                    data-testid="snapshot-create"
                    disabled=move || pending.get() || busy.get().is_some()
                    title=move || busy.get().map(|r| crate::tr!(server.snapshots.wait, doing = r.doing.to_lowercase()).to_string())
                >
                    {move || if pending.get() { crate::tr!(server.sending) } else { crate::tr!(server.snapshots.take) }}
                </button>
                <ShowApiCall call=Signal::derive(move || {
                    ApiCall::create_snapshot_form(&ctx.name.get(), &snap.description.get(), &snap.notes.get())
                }) />
            </form>
        </section>
    }
}
