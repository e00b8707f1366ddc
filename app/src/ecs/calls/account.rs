//! Sign-in and the account.

use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};

use crate::ecs::client::{decode, field_or_whole, to_body, Call, Credential, EcsClient};
use crate::ecs::dto::{self, Account, LoginGrant};
use crate::ecs::error::EcsError;

impl EcsClient {
    /// `POST /login` with a JSON body. 401 (wrong username or password) → `Unauthorized`.
    pub async fn login(
        &self,
        username: &str,
        password: &SecretString,
    ) -> Result<LoginGrant, EcsError> {
        let body = dto::LoginRequest {
            username,
            password: password.expose_secret(),
        };
        let v = self
            .run(Call {
                name: "login",
                method: Method::POST,
                path: &["login"],
                query: &[],
                body: Some(to_body("login", &body)?),
                auth: None,
            })
            .await?;
        decode("login", &v)
    }

    /// `GET /account`.
    pub async fn account(&self, cred: &Credential) -> Result<Account, EcsError> {
        let v = self.get(cred, "account", &["account"], &[]).await?;
        field_or_whole("account", &v, "account")
    }
}
