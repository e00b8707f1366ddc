//! The detail page's snapshots tab (`?tab=snapshots`): take a snapshot, and for each one restore,
//! clone into a template, protect, rename or delete it; the weekly schedule in `schedule`, the
//! dialogs in `snapshot_dialogs`. Its state lives in [`SnapCtx`], made above the part of the
//! page that refreshes, so nothing typed is lost when the list reloads.

use leptos::prelude::*;

use super::DetailCtx;
use crate::api::servers::schedule::{RemoveSchedule, SaveSchedule};
use crate::api::servers::snapshots::{
    load_snapshots, CreateSnapshot, DeleteSnapshot, ProtectSnapshot, RenameSnapshot,
    RestoreSnapshot, SnapshotTemplate,
};
use crate::components::field::FieldError;
use crate::components::live::{reload_on_activity, use_live};
use crate::components::status::Progress;
use crate::model::activity::Running;
use crate::model::snapshot::{SnapshotRow, SnapshotsView, MAX_PROTECTED};
use crate::model::template::TemplateRow;
use crate::page_data::{page_data, PageData};

/// What the snapshots tab holds across reloads: its data, its actions, what is typed.
#[derive(Clone, Copy)]
pub struct SnapCtx {
    /// `None` while another tab is open (nothing is fetched then).
    pub data: PageData<Option<SnapshotsView>>,
    pub create: ServerAction<CreateSnapshot>,
    pub restore: ServerAction<RestoreSnapshot>,
    pub rename: ServerAction<RenameSnapshot>,
    pub protect: ServerAction<ProtectSnapshot>,
    pub delete: ServerAction<DeleteSnapshot>,
    pub template: ServerAction<SnapshotTemplate>,
    pub schedule: ServerAction<SaveSchedule>,
    pub unschedule: ServerAction<RemoveSchedule>,
    pub description: RwSignal<String>,
    pub notes: RwSignal<String>,
    /// The snapshot the open dialog is about.
    pub chosen: RwSignal<Option<SnapshotRow>>,
    pub restore_open: RwSignal<bool>,
    pub rename_open: RwSignal<bool>,
    pub delete_open: RwSignal<bool>,
    pub template_open: RwSignal<bool>,
    pub confirm_text: RwSignal<String>,
    pub rename_description: RwSignal<String>,
    pub rename_notes: RwSignal<String>,
    pub template_description: RwSignal<String>,
    /// The template the last clone made, for the links to it.
    pub made: RwSignal<Option<TemplateRow>>,
    /// The schedule form (`None`: as saved).
    pub day: RwSignal<Option<u8>>,
    pub keep: RwSignal<Option<String>>,
}

impl SnapCtx {
    pub fn new(name: Memo<String>, tab: Memo<String>) -> Self {
        let data = page_data(
            move || (name.get(), tab.get() == "snapshots"),
            |(name, open)| async move {
                if open {
                    load_snapshots(name).await.map(Some)
                } else {
                    Ok(None)
                }
            },
        );
        let ctx = Self {
            data,
            create: ServerAction::new(),
            restore: ServerAction::new(),
            rename: ServerAction::new(),
            protect: ServerAction::new(),
            delete: ServerAction::new(),
            template: ServerAction::new(),
            schedule: ServerAction::new(),
            unschedule: ServerAction::new(),
            description: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
            chosen: RwSignal::new(None),
            restore_open: RwSignal::new(false),
            rename_open: RwSignal::new(false),
            delete_open: RwSignal::new(false),
            template_open: RwSignal::new(false),
            confirm_text: RwSignal::new(String::new()),
            rename_description: RwSignal::new(String::new()),
            rename_notes: RwSignal::new(String::new()),
            template_description: RwSignal::new(String::new()),
            made: RwSignal::new(None),
            day: RwSignal::new(None),
            keep: RwSignal::new(None),
        };
        reload_on_activity(use_live(), move || data.refetch());
        ctx
    }

    fn open(&self, row: SnapshotRow, dialog: RwSignal<bool>) {
        self.chosen.set(Some(row));
        dialog.set(true);
    }

    pub fn ask_restore(&self, row: SnapshotRow) {
        self.confirm_text.set(String::new());
        self.open(row, self.restore_open);
    }

    pub fn ask_rename(&self, row: SnapshotRow) {
        self.rename_description.set(row.description.clone());
        self.rename_notes.set(row.notes.clone());
        self.open(row, self.rename_open);
    }

    pub fn ask_delete(&self, row: SnapshotRow) {
        self.open(row, self.delete_open);
    }

    pub fn ask_template(&self, row: SnapshotRow) {
        self.template_description
            .set(format!("From {}", row.title()));
        self.made.set(None);
        self.open(row, self.template_open);
    }
}

/// Why ECS would refuse a new action on the server now, with the running action's progress: an
/// action on the server itself (from the live feed), or a snapshot being taken or restored.
pub fn server_busy(live_running: Option<Running>, view: Option<&SnapshotsView>) -> Option<Running> {
    live_running.or_else(|| {
        view.and_then(|v| {
            v.rows.iter().find_map(|r| {
                let doing = if r.restoring {
                    "Restoring a snapshot"
                } else if r.state == crate::model::snapshot::SnapshotState::Creating {
                    "Taking a snapshot"
                } else {
                    return None;
                };
                Some(Running {
                    id: 0,
                    resource: r.name.clone(),
                    doing: doing.into(),
                    progress: None,
                })
            })
        })
    })
}

#[component]
pub fn SnapshotsTab() -> impl IntoView {
    let snap = expect_context::<SnapCtx>();
    view! {
        <super::tab_data::TabData
            data=snap.data
            loading="Loading snapshots…"
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
                <h2 id="snapshots-title">"Snapshots"</h2>
                <span class="muted small" data-testid="protected-count">
                    {format!("{protected} of {MAX_PROTECTED} protected")}
                </span>
            </div>
            {(protected >= MAX_PROTECTED).then(|| view! {
                <p class="notice notice-warn" data-testid="protect-limit">
                    {format!("{MAX_PROTECTED} snapshots of this server are protected, the most ECS keeps. Unprotect one to protect another.")}
                </p>
            })}
            {if rows.is_empty() {
                view! {
                    <div class="empty" data-testid="snapshots-empty">
                        <p><strong>"No snapshots yet."</strong></p>
                        <p class="muted">"A snapshot keeps the whole disk as it is now, so you can roll the server back to it later or clone it into a template."</p>
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

/// While ECS would refuse new actions on the server: what runs and how far it is.
#[component]
pub fn BusyNotice(busy: Signal<Option<Running>>) -> impl IntoView {
    move || {
        busy.get().map(|r| {
            view! {
                <div class="notice notice-info" role="status" data-testid="server-busy">
                    <strong>{format!("{}…", r.doing)}</strong>
                    " ECS takes no new action on this server until it ends; the buttons that would start one wait."
                    <Progress value=r.progress />
                </div>
            }
        })
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
            <h2 id="snapshot-new-title">"Take a snapshot"</h2>
            <p class="muted small">
                "The server keeps running while ECS copies its disk, but takes no new action (power, restore, delete) until the snapshot is ready."
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
                    <span>"Description"</span>
                    <input
                        name="description"
                        maxlength="100"
                        placeholder="before upgrade"
                        prop:value=move || snap.description.get()
                        on:input=move |ev| snap.description.set(event_target_value(&ev))
                    />
                    <FieldError error field="description" />
                </label>
                <label class="field">
                    <span>"Notes "<span class="muted">"(optional)"</span></span>
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
                    title=move || busy.get().map(|r| format!("Wait: {}", r.doing.to_lowercase()))
                >
                    {move || if pending.get() { "Sending…" } else { "Take snapshot" }}
                </button>
            </form>
        </section>
    }
}
