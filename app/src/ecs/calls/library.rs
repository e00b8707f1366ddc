//! The user's library: templates, cloud scripts, SSH keys, groups.

use secrecy::{ExposeSecret, SecretString};

use crate::ecs::client::{decode, field_opt, field_or_whole, list, Credential, EcsClient};
use crate::ecs::dto::{
    Action, CreatedTemplate, Group, Script, ScriptInput, SshKey, Template, TemplateSource,
};
use crate::ecs::error::EcsError;
use crate::ecs::ids;
use crate::model::api_call::{ApiCall, ScriptFields, TemplateFrom};

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
        let from = match source {
            TemplateSource::Server(name) => TemplateFrom::Server(ids::server_name(name)?),
            TemplateSource::Snapshot(id) => TemplateFrom::Snapshot(*id),
        };
        let call = ApiCall::create_template(from, description, notes);
        let v = self.send_call(cred, "create_template", &call).await?;
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
        let call = ApiCall::update_template(id, description, notes);
        let v = self.send_call(cred, "update_template", &call).await?;
        field_opt("update_template", &v, "template")
    }

    /// `DELETE /templates/{id or name}` → the `delete_template` action.
    pub async fn delete_template(
        &self,
        cred: &Credential,
        id: &str,
    ) -> Result<Option<Action>, EcsError> {
        let id = ids::template_ref(id)?;
        let call = ApiCall::delete_template(id);
        let v = self.send_call(cred, "delete_template", &call).await?;
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
        let call = ApiCall::create_script(&script_fields(script));
        let v = self.send_call(cred, "create_script", &call).await?;
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
        let call = ApiCall::update_script(id, &script_fields(script));
        let v = self.send_call(cred, "update_script", &call).await?;
        field_opt("update_script", &v, "script")
    }

    pub async fn delete_script(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        let call = ApiCall::delete_script(id);
        self.send_call(cred, "delete_script", &call).await.map(drop)
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
        let call = ApiCall::add_ssh_key(label, key);
        self.send_call(cred, "create_ssh_key", &call)
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
        let call = ApiCall::rename_ssh_key(id, label);
        self.send_call(cred, "rename_ssh_key", &call)
            .await
            .map(drop)
    }

    pub async fn delete_ssh_key(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        let call = ApiCall::delete_ssh_key(id);
        self.send_call(cred, "delete_ssh_key", &call)
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
        let call = ApiCall::create_group(notes, password.expose_secret());
        let v = self.send_call(cred, "create_group", &call).await?;
        field_or_whole("create_group", &v, "group")
    }

    pub async fn delete_group(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::group_ref(id)?;
        let call = ApiCall::delete_group(id);
        self.send_call(cred, "delete_group", &call).await.map(drop)
    }
}

/// The DTO's fields as the builder takes them.
fn script_fields(script: &ScriptInput) -> ScriptFields<'_> {
    ScriptFields {
        title: script.title.as_deref(),
        content: script.content.as_deref(),
        windows: script.windows,
    }
}
