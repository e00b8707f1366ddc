//! The endpoints, one file per resource: each method checks its ids, builds its request with
//! the [`ApiCall`] constructor "Show the API call" prints, sends exactly that (method, segments,
//! body), and picks its value out of the answer with the tolerant DTOs.

mod account;
mod actions;
mod billing;
mod catalogue;
mod library;
mod logs;
mod networks;
mod servers;
mod snapshots;

pub use billing::BillingKind;
pub use networks::NewVlans;
pub use snapshots::{ScheduleSettings, SnapshotPatch};

use reqwest::Method;
use serde_json::Value;

use super::client::{Call, Credential, EcsClient};
use super::error::EcsError;
use crate::model::api_call::ApiCall;

impl EcsClient {
    /// Sends `call` as it is: its method, its path's segments (each percent-encoded) and its body
    /// byte for byte, secrets included. A body goes through `send` (a PUT refused with 405 is
    /// retried as PATCH); a call without one goes once.
    pub(super) async fn send_call(
        &self,
        cred: &Credential,
        name: &'static str,
        call: &ApiCall,
    ) -> Result<Value, EcsError> {
        let method =
            Method::from_bytes(call.method.as_bytes()).map_err(|_| EcsError::Malformed {
                detail: format!("{name}: the request could not be built"),
            })?;
        let path = call.segments();
        match call.body_bytes() {
            Some(body) => self.send(cred, name, method, &path, body).await,
            None if method == Method::DELETE => self.delete(cred, name, &path).await,
            None => {
                self.run(Call {
                    name,
                    method,
                    path: &path,
                    query: &[],
                    body: None,
                    auth: Some(cred),
                })
                .await
            }
        }
    }
}
