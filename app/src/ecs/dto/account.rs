//! Sign-in and the account.

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::de;

/// The answer of `POST /login`: a JWT for `Authorization: Bearer`, and when it expires.
#[derive(Debug, Clone, Deserialize)]
pub struct LoginGrant {
    pub token: SecretString,
    /// Unix seconds.
    #[serde(deserialize_with = "de::expire")]
    pub expire: i64,
}

/// The body of `POST /login` (JSON, as the current doc shows).
#[derive(Serialize)]
pub(crate) struct LoginRequest<'a> {
    pub username: &'a str,
    pub password: &'a str,
}

/// `GET /account`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Account {
    #[serde(default, deserialize_with = "de::string")]
    pub username: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub email: Option<String>,
    /// The user may buy reserved periods.
    #[serde(default, deserialize_with = "de::flag")]
    pub reserved_available: bool,
    /// The user gets the offline discount.
    #[serde(default, deserialize_with = "de::flag")]
    pub offline_available: bool,
    /// Percent; > 0 an existing special discount, < 0 a special price, 0 none.
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub ecs_special_discount: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub ecshm_special_discount: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub ecsgpu_special_discount: Option<f64>,
}

/// One API token of `GET /keys`: ECS never shows the token again, only its label and id.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ApiToken {
    #[serde(deserialize_with = "de::id")]
    pub id: u64,
    #[serde(default, deserialize_with = "de::string")]
    pub notes: String,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The answer of `POST /keys`: the only time the token itself is shown.
#[derive(Debug, Clone, Deserialize)]
pub struct CreatedToken {
    pub token: SecretString,
}
