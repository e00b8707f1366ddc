//! What the snapshots tab holds across reloads (its data, its actions, what is typed), made above
//! the part of the page that refreshes; and whether ECS would take a new action on the server now.

use leptos::prelude::*;

use crate::api::servers::schedule::{RemoveSchedule, SaveSchedule};
use crate::api::servers::snapshots::{
    load_snapshots, CreateSnapshot, DeleteSnapshot, ProtectSnapshot, RenameSnapshot,
    RestoreSnapshot, SnapshotTemplate,
};
use crate::components::live::{reload_on_activity, use_live};
use crate::model::activity::Running;
use crate::model::snapshot::{SnapshotRow, SnapshotsView};
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
        self.template_description.set(
            crate::tr!(
                server.snapshots.template_from,
                title = row.title().to_string()
            )
            .to_string(),
        );
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
                    crate::tr!(server.busy.restoring)
                } else if r.state == crate::model::snapshot::SnapshotState::Creating {
                    crate::tr!(server.busy.taking)
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
