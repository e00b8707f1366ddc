//! The user's library: templates, cloud scripts, SSH keys, groups.

use serde::Serialize;
use serde_json::json;

use super::ApiCall;
use crate::model::script::{clean_title, ScriptDraft};

/// What a template is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFrom<'a> {
    /// A server name (`ec…`).
    Server(&'a str),
    /// A snapshot id.
    Snapshot(u64),
}

/// A cloud script's fields as `POST` and `PUT /scripts` take them; `None` is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScriptFields<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub windows: Option<bool>,
}

/// Trimmed text, or `None` when nothing is left (optional notes).
fn optional(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

impl ApiCall {
    /// `POST /templates {server | snapshot, description, notes}`.
    pub fn create_template(from: TemplateFrom<'_>, description: &str, notes: Option<&str>) -> Self {
        let mut body = json!({ "description": description });
        match from {
            TemplateFrom::Server(name) => body["server"] = json!(name),
            TemplateFrom::Snapshot(id) => body["snapshot"] = json!(id),
        }
        if let Some(notes) = notes {
            body["notes"] = json!(notes);
        }
        Self::json("POST", &["templates"], &body)
    }

    /// The make-a-template forms as their server functions send them: trimmed, empty notes none.
    pub fn create_template_form(from: TemplateFrom<'_>, description: &str, notes: &str) -> Self {
        let from = match from {
            TemplateFrom::Server(name) => TemplateFrom::Server(name.trim()),
            snapshot => snapshot,
        };
        Self::create_template(from, description.trim(), optional(notes))
    }

    /// `PUT /templates/{id or name} {description, notes}` (the client retries a 405 as PATCH).
    pub fn update_template(id: &str, description: Option<&str>, notes: Option<&str>) -> Self {
        let mut body = json!({});
        if let Some(d) = description {
            body["description"] = json!(d);
        }
        if let Some(n) = notes {
            body["notes"] = json!(n);
        }
        Self::json("PUT", &["templates", id], &body)
    }

    /// `DELETE /templates/{id or name}`.
    pub fn delete_template(id: &str) -> Self {
        Self::bare("DELETE", &["templates", id])
    }

    /// `POST /scripts {title, content, windows}`.
    pub fn create_script(fields: &ScriptFields<'_>) -> Self {
        Self::json("POST", &["scripts"], fields)
    }

    /// `PUT /scripts/{id}` with the fields to change (the client retries a 405 as PATCH).
    pub fn update_script(id: &str, fields: &ScriptFields<'_>) -> Self {
        Self::json("PUT", &["scripts", id], fields)
    }

    /// `DELETE /scripts/{id}`.
    pub fn delete_script(id: &str) -> Self {
        Self::bare("DELETE", &["scripts", id])
    }

    /// `POST /sshkeys {key, label}`.
    pub fn add_ssh_key(label: &str, key: &str) -> Self {
        Self::json("POST", &["sshkeys"], &json!({ "key": key, "label": label }))
    }

    /// The add form as the server function sends it: the label trimmed, the key in its one-line
    /// OpenSSH form once it parses (as typed, trimmed, before).
    pub fn add_ssh_key_form(label: &str, key: &str) -> Self {
        let key = crate::model::ssh_key::parse(key)
            .map(|k| k.to_openssh())
            .unwrap_or_else(|_| key.trim().to_string());
        Self::add_ssh_key(label.trim(), &key)
    }

    /// `PUT /sshkeys/{id} {label}` (the client retries a 405 as PATCH).
    pub fn rename_ssh_key(id: &str, label: &str) -> Self {
        Self::json("PUT", &["sshkeys", id], &json!({ "label": label }))
    }

    /// `DELETE /sshkeys/{id}`.
    pub fn delete_ssh_key(id: &str) -> Self {
        Self::bare("DELETE", &["sshkeys", id])
    }

    /// `POST /groups {notes, password}`: the (deprecated, still required) password is a secret,
    /// shown as `$GROUP_PASSWORD`.
    pub fn create_group(notes: &str, password: &str) -> Self {
        Self::json(
            "POST",
            &["groups"],
            &json!({ "notes": notes, "password": password }),
        )
        .secret(
            "password",
            "GROUP_PASSWORD",
            crate::tr!(model.api_call.a_group_password),
        )
    }

    /// `DELETE /groups/{id or name}`.
    pub fn delete_group(key: &str) -> Self {
        Self::bare("DELETE", &["groups", key])
    }
}

impl<'a> ScriptFields<'a> {
    /// Every field of the editor's draft, as the server function sends them (title trimmed).
    pub fn of_draft(draft: &'a ScriptDraft) -> Self {
        let title = draft.title.trim();
        debug_assert_eq!(title, clean_title(&draft.title));
        Self {
            title: Some(title),
            content: Some(&draft.content),
            windows: Some(draft.windows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(call: &ApiCall) -> serde_json::Value {
        serde_json::from_str(call.body.as_deref().unwrap_or("null")).unwrap()
    }

    #[test]
    fn a_template_is_made_from_a_server_or_a_snapshot() {
        let call = ApiCall::create_template_form(TemplateFrom::Server(" ec1 "), " web ", " ");
        assert_eq!((call.method, call.segments()), ("POST", vec!["templates"]));
        assert_eq!(body(&call), json!({"server": "ec1", "description": "web"}));
        let snap = ApiCall::create_template_form(TemplateFrom::Snapshot(7), "x", "n");
        assert_eq!(
            body(&snap),
            json!({"snapshot": 7, "description": "x", "notes": "n"})
        );
        let edit = ApiCall::update_template("ei1", Some("d"), Some(""));
        assert_eq!(
            (edit.method, body(&edit)),
            ("PUT", json!({"description": "d", "notes": ""}))
        );
        assert_eq!(ApiCall::delete_template("ei1").body, None);
    }

    #[test]
    fn a_script_sends_its_fields_and_its_content_is_no_secret() {
        let draft = ScriptDraft {
            title: " install ".into(),
            content: "#!/bin/sh\necho 'hi'".into(),
            windows: false,
        };
        let call = ApiCall::update_script("12", &ScriptFields::of_draft(&draft));
        assert_eq!(call.segments(), ["scripts", "12"]);
        assert_eq!(
            body(&call),
            json!({"title": "install", "content": "#!/bin/sh\necho 'hi'", "windows": false})
        );
        assert!(call.secrets.is_empty());
        assert_eq!(
            body(&ApiCall::create_script(&ScriptFields::default())),
            json!({})
        );
    }

    #[test]
    fn a_key_is_sent_in_its_one_line_form() {
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJe test@example";
        let call = ApiCall::add_ssh_key_form(" laptop ", &format!("  {key}\n"));
        assert_eq!(body(&call), json!({"key": key, "label": "laptop"}));
        assert_eq!(
            body(&ApiCall::rename_ssh_key("3", "work")),
            json!({"label": "work"})
        );
    }

    #[test]
    fn a_group_password_is_sent_and_never_shown() {
        let call = ApiCall::create_group("staging", "correct horse");
        assert_eq!(body(&call)["password"], "correct horse");
        let curl = call.curl("http://x");
        assert!(!curl.contains("correct horse"));
        assert!(
            curl.contains(r#""password": "'"$GROUP_PASSWORD"'""#),
            "{curl}"
        );
        assert_eq!(ApiCall::delete_group("42").segments(), ["groups", "42"]);
    }
}
