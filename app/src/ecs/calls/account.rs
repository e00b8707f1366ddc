//! Sign-in and the account.

use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};

use crate::ecs::client::{decode, field_or_whole, list, to_body, Call, Credential, EcsClient};
use crate::ecs::dto::{self, Account, ApiToken, CreatedToken, LoginGrant};
use crate::ecs::error::EcsError;
use crate::ecs::ids;
use crate::model::api_call::ApiCall;

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

    /// `POST /account {password}`: the new password for the next sign-in.
    pub async fn change_password(
        &self,
        cred: &Credential,
        password: &SecretString,
    ) -> Result<(), EcsError> {
        let call = ApiCall::change_password(password.expose_secret());
        self.send_call(cred, "change_password", &call)
            .await
            .map(drop)
    }

    /// `GET /keys`: a bare array as documented (a wrapped `keys` list is read too).
    pub async fn list_api_tokens(&self, cred: &Credential) -> Result<Vec<ApiToken>, EcsError> {
        let v = self.get(cred, "list_api_tokens", &["keys"], &[]).await?;
        if v.is_array() {
            decode("list_api_tokens", &v)
        } else {
            list("list_api_tokens", &v, &["keys", "tokens"])
        }
    }

    /// `POST /keys {notes}` → the token, shown this once.
    pub async fn create_api_token(
        &self,
        cred: &Credential,
        notes: &str,
    ) -> Result<SecretString, EcsError> {
        let call = ApiCall::create_api_token(notes);
        let v = self.send_call(cred, "create_api_token", &call).await?;
        decode::<CreatedToken>("create_api_token", &v).map(|c| c.token)
    }

    /// `PUT /keys/{id} {notes}`.
    pub async fn rename_api_token(
        &self,
        cred: &Credential,
        id: &str,
        notes: &str,
    ) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        let call = ApiCall::rename_api_token(id, notes);
        self.send_call(cred, "rename_api_token", &call)
            .await
            .map(drop)
    }

    /// `DELETE /keys/{id}`: whatever uses the token stops working.
    pub async fn delete_api_token(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        let call = ApiCall::delete_api_token(id);
        self.send_call(cred, "delete_api_token", &call)
            .await
            .map(drop)
    }
}
