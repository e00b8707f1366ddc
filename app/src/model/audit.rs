//! The audit log as pages see it: one row per change (or refused attempt), and the filters of
//! `/audit`, which live in the URL.

use serde::{Deserialize, Serialize};

use crate::model::time::Stamp;

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// It was done (ECS accepted it).
    Done,
    /// ECS, or the panel's own checks, refused it; the words say why.
    Refused,
    /// It could not be done: ECS unreachable or failing, or a fault of the panel's.
    Failed,
    /// The person's role does not allow it; nothing was sent to ECS.
    Denied,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Done,
        Outcome::Refused,
        Outcome::Failed,
        Outcome::Denied,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
            Outcome::Denied => "denied",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: String,
    pub at: Stamp,
    pub actor: String,
    /// The actor's role then ("" for records made before roles existed).
    pub role: String,
    /// The server function's name, e.g. `servers_power`.
    pub operation: String,
    /// What the operation is, in words ("Power a server on or off").
    pub label: String,
    pub resource: String,
    /// The parameters as sent, secrets replaced by "(hidden)", as indented JSON.
    pub params: String,
    pub peer: String,
    pub outcome: Outcome,
    /// ECS's words on a refusal, the panel's on a failure or denial.
    pub detail: String,
    pub action_id: Option<u64>,
}

/// The filters of `/audit` (and its CSV export), as the URL carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub operation: String,
    #[serde(default)]
    pub outcome: String,
    /// `YYYY-MM-DD`, inclusive, UTC.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

impl AuditFilter {
    /// The filter as a query string (no leading `?`), empty fields left out.
    pub fn query(&self) -> String {
        [
            ("actor", &self.actor),
            ("operation", &self.operation),
            ("outcome", &self.outcome),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::auth::percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub total: u64,
    pub page: usize,
    pub per_page: usize,
    /// How long entries are kept, in words ("365 days").
    pub retention: String,
}
