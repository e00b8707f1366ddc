//! Actions (the API's asynchronous operations) as pages show them, and the live view of what is
//! running that the pages poll.

use serde::{Deserialize, Serialize};

use super::time::Stamp;

/// The outcome of an action: in progress, done, or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Running,
    Completed,
    Failed,
    Unknown,
}

impl Outcome {
    /// The word a badge shows, in the reader's language.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Running => crate::tr!(model.activity.running),
            Outcome::Completed => crate::tr!(model.activity.completed),
            Outcome::Failed => crate::tr!(model.activity.failed),
            Outcome::Unknown => crate::tr!(model.activity.unknown),
        }
    }

    pub fn tone(self) -> &'static str {
        match self {
            Outcome::Running => "busy",
            Outcome::Completed => "ok",
            Outcome::Failed => "danger",
            Outcome::Unknown => "off",
        }
    }
}

/// One action in a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    pub id: u64,
    /// "Power off", "Create server"…
    pub kind: String,
    pub outcome: Outcome,
    pub progress: Option<u8>,
    pub resource: String,
    pub user: String,
    pub created: Option<Stamp>,
    pub started: Option<Stamp>,
    pub completed: Option<Stamp>,
    /// "42 s", "3 min 5 s", when it has both ends.
    pub took: Option<String>,
}

/// An action still running, for the live overlays on the list and detail pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    pub id: u64,
    pub resource: String,
    /// "Powering off", "Deleting"…: the present participle shown next to the progress bar.
    pub doing: String,
    pub progress: Option<u8>,
}

/// An action the page asked to hear about, now finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    pub id: u64,
    pub resource: String,
    pub kind: String,
    pub ok: bool,
}

/// What `server_activity` answers: what runs now, which watched actions ended, and a mark that
/// changes whenever any action starts or ends (so pages know when to reload).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub running: Vec<Running>,
    pub finished: Vec<Finished>,
    pub mark: String,
}
