//! The ECS request behind an action, built once: the ECS client sends these calls and "Show the
//! API call" prints them as `curl`, so what a person is shown is what the server sends.

use serde::{Serialize, Serializer};

/// One request: method, path below the API root, and its JSON body (pretty, for reading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiCall {
    pub method: &'static str,
    pub path: Vec<String>,
    pub body: Option<String>,
}

/// `POST /servers/{name}/actions` bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerAction {
    PowerOn,
    PowerOff,
    /// Asks for a console key.
    Console,
    /// Restores a snapshot (by its numeric id); reboots the server.
    Rollback {
        snapshot: u64,
    },
}

impl Serialize for ServerAction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        match self {
            Self::PowerOn => map.serialize_entry("type", "power_on")?,
            Self::PowerOff => map.serialize_entry("type", "power_off")?,
            Self::Console => map.serialize_entry("type", "console")?,
            Self::Rollback { snapshot } => {
                map.serialize_entry("type", "rollback")?;
                map.serialize_entry("snapshot", snapshot)?;
            }
        }
        map.end()
    }
}

impl ApiCall {
    /// A call with a JSON body.
    pub fn json(method: &'static str, path: &[&str], body: &impl Serialize) -> Self {
        Self {
            method,
            path: path.iter().map(|s| s.to_string()).collect(),
            body: serde_json::to_string_pretty(body).ok(),
        }
    }

    /// `POST /servers/{name}/actions`: power, console, restore.
    pub fn server_action(name: &str, action: &ServerAction) -> Self {
        Self::json("POST", &["servers", name, "actions"], action)
    }

    /// `DELETE /servers/{name}`.
    pub fn delete_server(name: &str) -> Self {
        Self {
            method: "DELETE",
            path: vec!["servers".into(), name.into()],
            body: None,
        }
    }

    /// `PUT /servers/{name}` with the display name (see [`ApiCall::rename_body`]).
    pub fn rename_server(name: &str, notes: &str) -> Self {
        Self::json("PUT", &["servers", name], &Self::rename_body(notes))
    }

    /// Sent as both `note` (docs, Go client) and `notes` (SDK): the API has been seen to read
    /// either.
    pub fn rename_body(notes: &str) -> serde_json::Value {
        serde_json::json!({ "note": notes, "notes": notes })
    }

    /// `PUT /servers/{name} {group}`, the form's choice as sent (see [`ApiCall::group_sent`]).
    pub fn server_group(name: &str, choice: &str) -> Self {
        Self::json(
            "PUT",
            &["servers", name],
            &Self::group_body(Self::group_sent(choice)),
        )
    }

    pub fn group_body(group: &str) -> serde_json::Value {
        serde_json::json!({ "group": group })
    }

    /// A group id, or `nogroup` (what ECS takes to mean none) for no choice.
    pub fn group_sent(choice: &str) -> &str {
        match choice.trim() {
            "" => "nogroup",
            g => g,
        }
    }

    /// The path's segments, as the client joins them below the API root.
    pub fn segments(&self) -> Vec<&str> {
        self.path.iter().map(String::as_str).collect()
    }

    /// The same request with curl; the token as `$ECS_TOKEN`, the body in single quotes (a quote
    /// inside it closed, escaped and reopened).
    pub fn curl(&self, api_url: &str) -> String {
        let mut out = format!(
            "curl -X {} '{api_url}/{}' \\\n  -H \"X-APITOKEN: $ECS_TOKEN\"",
            self.method,
            self.path.join("/")
        );
        if let Some(body) = &self.body {
            let quoted = body.replace('\'', r"'\''");
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
    }

    #[test]
    fn a_rename_sends_both_spellings_and_no_group_is_nogroup() {
        let rename = ApiCall::rename_server("ec1", "db-primary");
        assert_eq!(rename.method, "PUT");
        let body: serde_json::Value =
            serde_json::from_str(rename.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"note": "db-primary", "notes": "db-primary"})
        );
        let out = ApiCall::server_group("ec1", " ");
        assert!(out.curl("http://x").contains(r#""group": "nogroup""#));
        assert_eq!(ApiCall::group_sent("eg100001"), "eg100001");
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
}
