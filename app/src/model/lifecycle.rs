//! What the lifecycle actions answer (`crate::api::servers::lifecycle`): a console key, and how
//! each server of a bulk action went.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkOp {
    PowerOn,
    PowerOff,
    Delete,
}

impl BulkOp {
    pub fn verb(self) -> &'static str {
        match self {
            BulkOp::PowerOn => crate::tr!(model.lifecycle.power_on),
            BulkOp::PowerOff => crate::tr!(model.lifecycle.power_off),
            BulkOp::Delete => crate::tr!(model.lifecycle.delete),
        }
    }
}

/// How one server of a bulk request went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkResult {
    pub name: String,
    /// The started action, when accepted.
    pub action: Option<u64>,
    /// Why it was refused, in plain words.
    pub error: Option<String>,
}

/// A console key: a one-off credential. Returned to the person who asked, never logged.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleAccess {
    pub key: String,
    pub action: u64,
}

impl std::fmt::Debug for ConsoleAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsoleAccess")
            .field("key", &"<redacted>")
            .field("action", &self.action)
            .finish()
    }
}
