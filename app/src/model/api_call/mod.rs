//! The ECS request behind an action, built once: the ECS client sends these calls and "Show the
//! API call" prints them as `curl`, so what a person is shown is what the server sends.
//!
//! One constructor per action, by resource family: `servers` (power, console, restore, delete,
//! rename, group, support, reserved), `snapshots` (and the weekly schedule), `library`
//! (templates, cloud scripts, SSH keys, groups), `networks` (networks and VLANs), `account`
//! (API tokens, the password).
//!
//! Secrets: a body field marked with [`ApiCall::secret`] is sent with its real value and shown as
//! a shell variable (`"password": "'"$GROUP_PASSWORD"'"`), which the person sets before running
//! the command, like `$ECS_TOKEN`. The call's `Debug` shows the placeholder too.

mod account;
mod library;
mod networks;
mod servers;
mod snapshots;

use std::fmt;

use serde::Serialize;
use serde_json::Value;

pub use library::{ScriptFields, TemplateFrom};
pub use networks::{vlan_path, NewVlans};
pub use servers::ServerAction;
pub use snapshots::{schedule_name, ScheduleSettings, SnapshotPatch};

/// One request: method, path below the API root, and its JSON body (pretty, for reading).
#[derive(Clone, PartialEq, Eq)]
pub struct ApiCall {
    pub method: &'static str,
    pub path: Vec<String>,
    /// The body as sent, secrets included.
    pub body: Option<String>,
    /// Top-level body fields shown as shell variables instead of their value.
    pub secrets: Vec<Secret>,
}

/// A body field whose value is never shown: `curl()` prints `$var` instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Secret {
    /// The top-level JSON field, e.g. `password`.
    pub field: &'static str,
    /// The shell variable shown instead, e.g. `GROUP_PASSWORD`.
    pub var: &'static str,
    /// What to set it to, for the sentence above the command (crate::tr!(model.api_call.group_password)).
    pub what: &'static str,
}

impl fmt::Debug for ApiCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiCall")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("body", &self.shown_body())
            .finish()
    }
}

/// How a secret stands in the shown body until it becomes shell syntax: a control character
/// around the name, which JSON escapes (`\u0001`), so typed text cannot look like it.
fn marker(var: &str) -> String {
    format!("\u{1}{var}\u{1}")
}

impl ApiCall {
    /// A call with a JSON body.
    pub fn json(method: &'static str, path: &[&str], body: &impl Serialize) -> Self {
        Self {
            body: serde_json::to_string_pretty(body).ok(),
            ..Self::bare(method, path)
        }
    }

    /// A call without a body (a `DELETE`).
    pub fn bare(method: &'static str, path: &[&str]) -> Self {
        Self {
            method,
            path: path.iter().map(|s| s.to_string()).collect(),
            body: None,
            secrets: Vec::new(),
        }
    }

    /// Marks the body's top-level `field` as a secret, shown as `$var` (`what`: what to set it
    /// to, e.g. crate::tr!(model.api_call.group_password)).
    pub fn secret(mut self, field: &'static str, var: &'static str, what: &'static str) -> Self {
        self.secrets.push(Secret { field, var, what });
        self
    }

    /// The path's segments, as the client joins them below the API root.
    pub fn segments(&self) -> Vec<&str> {
        self.path.iter().map(String::as_str).collect()
    }

    /// The body as sent (secrets included), for the client.
    pub fn body_bytes(&self) -> Option<Vec<u8>> {
        self.body.as_ref().map(|b| b.as_bytes().to_vec())
    }

    /// The body as shown: secret fields replaced by their markers (never their value).
    fn shown_body(&self) -> Option<String> {
        let body = self.body.as_ref()?;
        if self.secrets.is_empty() {
            return Some(body.clone());
        }
        // Our own JSON: it parses. Were it not to, nothing of it is shown.
        let mut value: Value = serde_json::from_str(body).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            for s in &self.secrets {
                if let Some(v) = map.get_mut(s.field).filter(|v| !v.is_null()) {
                    *v = Value::String(marker(s.var));
                }
            }
        } else {
            value = Value::Null;
        }
        serde_json::to_string_pretty(&value).ok()
    }

    /// The shell variables a person sets before running the command, after `ECS_TOKEN`.
    pub fn variables(&self) -> Vec<Secret> {
        self.secrets.clone()
    }

    /// The same request with curl; the token as `$ECS_TOKEN`, the body in single quotes (a quote
    /// inside it closed, escaped and reopened), each secret as its variable (the quotes closed
    /// around `"$VAR"` so the shell puts its value in).
    pub fn curl(&self, api_url: &str) -> String {
        let mut out = format!(
            "curl -X {} '{api_url}/{}' \\\n  -H \"X-APITOKEN: $ECS_TOKEN\"",
            self.method,
            self.path.join("/")
        );
        if let Some(body) = self.shown_body() {
            let mut quoted = body.replace('\'', r"'\''");
            for s in &self.secrets {
                let escaped = serde_json::to_string(&marker(s.var)).unwrap_or_default();
                quoted = quoted.replace(&escaped, &format!("\"'\"${}\"'\"", s.var));
            }
            out.push_str(&format!(
                " \\\n  -H 'Content-Type: application/json' \\\n  --data '{quoted}'"
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_power_off_is_its_action_body_and_a_delete_has_none() {
        let off = ApiCall::server_action("ec200401", &ServerAction::PowerOff);
        assert_eq!(
            off.curl("https://api.seeweb.it/ecs/v2"),
            "curl -X POST 'https://api.seeweb.it/ecs/v2/servers/ec200401/actions' \\\n  \
             -H \"X-APITOKEN: $ECS_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  \
             --data '{\n  \"type\": \"power_off\"\n}'"
        );
        let delete = ApiCall::delete_server("ec200401");
        assert_eq!(
            delete.curl("http://x"),
            "curl -X DELETE 'http://x/servers/ec200401' \\\n  -H \"X-APITOKEN: $ECS_TOKEN\""
        );
        assert_eq!(delete.segments(), ["servers", "ec200401"]);
        assert_eq!(delete.body_bytes(), None);
    }

    #[test]
    fn a_quote_in_a_body_stays_inside_the_shell_string() {
        let call = ApiCall::json(
            "PUT",
            &["servers", "ec1"],
            &serde_json::json!({"note": "it's"}),
        );
        assert!(call.curl("http://x").contains(r#""note": "it'\''s""#));
    }

    #[test]
    fn a_secret_is_sent_as_typed_and_shown_as_its_variable() {
        let call = ApiCall::json(
            "POST",
            &["groups"],
            &serde_json::json!({"notes": "web", "password": "s3cr'et"}),
        )
        .secret(
            "password",
            "GROUP_PASSWORD",
            crate::tr!(model.api_call.group_password),
        );
        let sent: Value = serde_json::from_slice(&call.body_bytes().unwrap()).unwrap();
        assert_eq!(sent["password"], "s3cr'et");
        let curl = call.curl("http://x");
        assert!(!curl.contains("s3cr"), "{curl}");
        assert!(
            curl.ends_with(
                "--data '{\n  \"notes\": \"web\",\n  \"password\": \"'\"$GROUP_PASSWORD\"'\"\n}'"
            ),
            "{curl}"
        );
        assert!(!format!("{call:?}").contains("s3cr"));
        assert_eq!(call.variables()[0].var, "GROUP_PASSWORD");
    }

    #[test]
    fn typed_text_cannot_pose_as_a_secret_and_a_missing_one_is_not_added() {
        let call = ApiCall::json(
            "POST",
            &["groups"],
            &serde_json::json!({"notes": "$GROUP_PASSWORD \u{1}GROUP_PASSWORD\u{1}"}),
        )
        .secret(
            "password",
            "GROUP_PASSWORD",
            crate::tr!(model.api_call.group_password),
        );
        let curl = call.curl("http://x");
        assert!(!curl.contains("\"'\"$GROUP_PASSWORD"), "{curl}");
        assert!(!curl.contains("\"password\""), "{curl}");
    }

    #[test]
    fn the_shell_reads_back_the_body_with_the_variable_in_it() {
        // What bash makes of the quoted --data argument, done by hand: '…' literal, "$VAR"
        // expanded (here to its name), '\'' a quote.
        let call = ApiCall::json(
            "POST",
            &["account"],
            &serde_json::json!({"password": "x", "note": "it's"}),
        )
        .secret(
            "password",
            "NEW_PASSWORD",
            crate::tr!(model.api_call.new_password),
        );
        let curl = call.curl("http://x");
        let data = &curl[curl.find("--data '").unwrap() + 8..curl.len() - 1];
        let unquoted = data
            .replace("'\"$NEW_PASSWORD\"'", "$NEW_PASSWORD")
            .replace(r"'\''", "'");
        let parsed: Value = serde_json::from_str(&unquoted).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!({"password": "$NEW_PASSWORD", "note": "it's"})
        );
    }
}
