//! The simulator's one error type: a refusal, with the message the live service gives. The API
//! turns it into `{"status": "error", "message": "…"}` with the matching status (`api/error.rs`).

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
}

pub type SimResult<T> = Result<T, SimError>;

impl SimError {
    pub fn bad(message: impl Into<String>) -> Self {
        Self::BadRequest(message.into())
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::NotFound(message.into())
    }

    /// The documented wording for a missing field, e.g. `Topic 'reserved_plan' required`.
    pub fn topic(field: &str) -> Self {
        Self::BadRequest(format!("Topic '{field}' required"))
    }
}
