//! The user's library: templates, cloud scripts, SSH keys, groups.

use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::ecs::client::{decode, field_opt, field_or_whole, list, to_body, Credential, EcsClient};
use crate::ecs::dto::{
    Action, CreatedTemplate, Group, Script, ScriptInput, SshKey, Template, TemplateSource,
};
use crate::ecs::error::EcsError;
use crate::ecs::ids;

impl EcsClient {
    pub async fn list_templates(&self, cred: &Credential) -> Result<Vec<Template>, EcsError> {
        let v = self
            .get(cred, "list_templates", &["templates"], &[])
            .await?;
        list("list_templates", &v, &["templates"])
    }

    /// `GET /templates/{id or name}`.
    pub async fn get_template(&self, cred: &Credential, id: &str) -> Result<Template, EcsError> {
        let id = ids::template_ref(id)?;
        let v = self
            .get(cred, "get_template", &["templates", id], &[])
            .await?;
        field_or_whole("get_template", &v, "template")
    }

    /// `POST /templates {server | snapshot, description, notes}`.
    pub async fn create_template(
        &self,
        cred: &Credential,
        source: &TemplateSource,
        description: &str,
        notes: Option<&str>,
    ) -> Result<CreatedTemplate, EcsError> {
        let mut body = json!({ "description": description });
        match source {
            TemplateSource::Server(name) => body["server"] = json!(ids::server_name(name)?),
            TemplateSource::Snapshot(id) => body["snapshot"] = json!(id),
        }
        if let Some(notes) = notes {
            body["notes"] = json!(notes);
        }
        let body = to_body("create_template", &body)?;
        let v = self
            .send(cred, "create_template", Method::POST, &["templates"], body)
            .await?;
        decode("create_template", &v)
    }

    /// `PUT /templates/{id or name} {description, notes}` (PATCH if PUT is not allowed).
    pub async fn update_template(
        &self,
        cred: &Credential,
        id: &str,
        description: Option<&str>,
        notes: Option<&str>,
    ) -> Result<Option<Template>, EcsError> {
        let id = ids::template_ref(id)?;
        let mut body = json!({});
        if let Some(d) = description {
            body["description"] = json!(d);
        }
        if let Some(n) = notes {
            body["notes"] = json!(n);
        }
        let body = to_body("update_template", &body)?;
        let v = self
            .send(
                cred,
                "update_template",
                Method::PUT,
                &["templates", id],
                body,
            )
            .await?;
        field_opt("update_template", &v, "template")
    }

    /// `DELETE /templates/{id or name}` → the `delete_template` action.
    pub async fn delete_template(
        &self,
        cred: &Credential,
        id: &str,
    ) -> Result<Option<Action>, EcsError> {
        let id = ids::template_ref(id)?;
        let v = self
            .delete(cred, "delete_template", &["templates", id])
            .await?;
        field_opt("delete_template", &v, "action")
    }

    pub async fn list_scripts(&self, cred: &Credential) -> Result<Vec<Script>, EcsError> {
        let v = self.get(cred, "list_scripts", &["scripts"], &[]).await?;
        list("list_scripts", &v, &["scripts"])
    }

    pub async fn get_script(&self, cred: &Credential, id: &str) -> Result<Script, EcsError> {
        let id = ids::numeric(id)?;
        let v = self.get(cred, "get_script", &["scripts", id], &[]).await?;
        field_or_whole("get_script", &v, "script")
    }

    /// `POST /scripts {title, content, windows}` (answer bare or `{status, script}`).
    pub async fn create_script(
        &self,
        cred: &Credential,
        script: &ScriptInput,
    ) -> Result<Script, EcsError> {
        let body = to_body("create_script", script)?;
        let v = self
            .send(cred, "create_script", Method::POST, &["scripts"], body)
            .await?;
        field_or_whole("create_script", &v, "script")
    }

    /// `PUT /scripts/{id}` with the fields to change (PATCH if PUT is not allowed).
    pub async fn update_script(
        &self,
        cred: &Credential,
        id: &str,
        script: &ScriptInput,
    ) -> Result<Option<Script>, EcsError> {
        let id = ids::numeric(id)?;
        let body = to_body("update_script", script)?;
        let v = self
            .send(cred, "update_script", Method::PUT, &["scripts", id], body)
            .await?;
        field_opt("update_script", &v, "script")
    }

    pub async fn delete_script(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        self.delete(cred, "delete_script", &["scripts", id])
            .await
            .map(drop)
    }

    pub async fn list_ssh_keys(&self, cred: &Credential) -> Result<Vec<SshKey>, EcsError> {
        let v = self.get(cred, "list_ssh_keys", &["sshkeys"], &[]).await?;
        list("list_ssh_keys", &v, &["pubkeys", "sshkeys"])
    }

    pub async fn get_ssh_key(&self, cred: &Credential, id: &str) -> Result<SshKey, EcsError> {
        let id = ids::numeric(id)?;
        let v = self.get(cred, "get_ssh_key", &["sshkeys", id], &[]).await?;
        field_or_whole("get_ssh_key", &v, "pubkey")
    }

    /// `POST /sshkeys {key, label}`: the API answers `{status: ok}` only (list again for the id).
    pub async fn create_ssh_key(
        &self,
        cred: &Credential,
        label: &str,
        key: &str,
    ) -> Result<(), EcsError> {
        let body = to_body("create_ssh_key", &json!({ "key": key, "label": label }))?;
        self.send(cred, "create_ssh_key", Method::POST, &["sshkeys"], body)
            .await
            .map(drop)
    }

    /// `PUT /sshkeys/{id} {label}` (PATCH if PUT is not allowed).
    pub async fn rename_ssh_key(
        &self,
        cred: &Credential,
        id: &str,
        label: &str,
    ) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        let body = to_body("rename_ssh_key", &json!({ "label": label }))?;
        self.send(cred, "rename_ssh_key", Method::PUT, &["sshkeys", id], body)
            .await
            .map(drop)
    }

    pub async fn delete_ssh_key(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        self.delete(cred, "delete_ssh_key", &["sshkeys", id])
            .await
            .map(drop)
    }

    pub async fn list_groups(&self, cred: &Credential) -> Result<Vec<Group>, EcsError> {
        let v = self.get(cred, "list_groups", &["groups"], &[]).await?;
        list("list_groups", &v, &["groups"])
    }

    /// `GET /groups/{id or name}`.
    pub async fn get_group(&self, cred: &Credential, id: &str) -> Result<Group, EcsError> {
        let id = ids::group_ref(id)?;
        let v = self.get(cred, "get_group", &["groups", id], &[]).await?;
        field_or_whole("get_group", &v, "group")
    }

    /// `POST /groups {notes, password}`: the password is deprecated but the API still requires
    /// one. It is a secret: it goes into the body and nowhere else (no log, no answer).
    pub async fn create_group(
        &self,
        cred: &Credential,
        notes: &str,
        password: &SecretString,
    ) -> Result<Group, EcsError> {
        let body = to_body(
            "create_group",
            &json!({ "notes": notes, "password": password.expose_secret() }),
        )?;
        let v = self
            .send(cred, "create_group", Method::POST, &["groups"], body)
            .await?;
        field_or_whole("create_group", &v, "group")
    }

    pub async fn delete_group(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::group_ref(id)?;
        self.delete(cred, "delete_group", &["groups", id])
            .await
            .map(drop)
    }
}
