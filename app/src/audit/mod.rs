//! The audit log: who changed what, when, from where, and how it ended, in both modes. The server
//! crate's access gate writes one entry per call of a server function that changes something
//! (and per call a role refuses); server functions add only what the gate cannot see from
//! outside: ECS's own words when it refuses ([`note_upstream`]).

pub mod params;
pub mod store;

use std::sync::{Arc, Mutex};

use crate::ecs::EcsError;
use crate::model::audit::Outcome;

/// One entry as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub actor: String,
    pub role: String,
    pub operation: String,
    pub resource: String,
    /// JSON object of the parameters, secrets already replaced (see [`params`]).
    pub params: String,
    pub peer: String,
    pub outcome: Outcome,
    pub detail: String,
    pub action_id: Option<u64>,
}

/// What the upstream said about this request, when it refused or failed: put in the request's
/// extensions by the gate, filled by [`note_upstream`] from inside the server function.
#[derive(Clone, Default, Debug)]
pub struct UpstreamNote(Arc<Mutex<Option<(Outcome, String)>>>);

impl UpstreamNote {
    pub fn take(&self) -> Option<(Outcome, String)> {
        self.0.lock().ok().and_then(|mut n| n.take())
    }
}

/// Records how ECS answered `err` for this request's audit entry: a refusal (4xx) with ECS's own
/// message, or a failure. Outside a gated request it does nothing.
pub fn note_upstream(err: &EcsError) {
    let Some(note) = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<UpstreamNote>().cloned())
    else {
        return;
    };
    let said = match err {
        EcsError::Rejected { status, message } if (400..500).contains(status) => {
            (Outcome::Refused, message.clone())
        }
        EcsError::NotFound { message } => (
            Outcome::Refused,
            message.clone().unwrap_or_else(|| "not found".into()),
        ),
        other => (Outcome::Failed, other.user_message()),
    };
    if let Ok(mut slot) = note.0.lock() {
        *slot = Some(said);
    };
}
