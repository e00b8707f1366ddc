//! `AppError`: everything that can go wrong behind a server function, and its wording for people.
//! It is the one error type that crosses the server-function boundary (JSON encoded), so it must
//! never carry a URL, a token, or raw upstream payload: only words meant for the user.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No session, or it ended (idle, token expiry, or a 401 upstream): sign in again.
    #[error("Your session expired, sign in again.")]
    SessionExpired,
    /// A form field the user can fix; `field` names the input it belongs next to.
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// The ECS API answered with something the user should read (already in plain words).
    #[error("{0}")]
    Upstream(String),
    /// The ECS API says it is down for maintenance (503): shown as a banner, not as a failure of
    /// what the user did.
    #[error("{0}")]
    Maintenance(String),
    /// What the page is about does not exist (upstream 404, or an id that cannot exist).
    #[error("{0}")]
    NotFound(String),
    /// The signed-in person's role does not allow this (team mode); nothing was sent to ECS.
    #[error("{0}")]
    Forbidden(String),
    /// Something on our side; details are in the server log, not here.
    #[error("Something went wrong on the panel's side. Try again; if it keeps happening, tell your administrator.")]
    Internal,
    /// The server-function machinery itself failed (network to the panel, bad encoding).
    #[error("The panel could not be reached: {0}")]
    Transport(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// `(field, message)`, as the models' checks and refusal wordings give them.
    pub fn at((field, message): (&str, String)) -> Self {
        Self::invalid(field, message)
    }

    /// The message to show next to `field`, if this error belongs to it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid { field: f, message } if f == field => Some(message.clone()),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Request/response problems between browser and panel: say so, without internals.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => {
                AppError::Transport("check your connection and try again".into())
            }
            _ => AppError::Internal,
        }
    }
}

impl AppError {
    /// The message in the reader's language. The panel's own sentences are translated; words that
    /// ECS or a check wrote for this very case are shown as written.
    pub fn words(&self, locale: crate::i18n::Locale) -> String {
        use crate::i18n::td_string;
        match self {
            AppError::SessionExpired => td_string!(locale, errors.session_expired).into(),
            AppError::Internal => td_string!(locale, errors.internal).into(),
            AppError::Transport(_) => td_string!(locale, errors.transport).into(),
            other => other.to_string(),
        }
    }
}
