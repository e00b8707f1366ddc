//! A server's own calls: power, console, restore, delete, rename, group, support, reserved.

use serde::{Serialize, Serializer};

use super::ApiCall;

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
    /// `POST /servers/{name}/actions`: power, console, restore.
    pub fn server_action(name: &str, action: &ServerAction) -> Self {
        Self::json("POST", &["servers", name, "actions"], action)
    }

    /// `DELETE /servers/{name}`.
    pub fn delete_server(name: &str) -> Self {
        Self::bare("DELETE", &["servers", name])
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

    /// `POST /servers/{name}/support {code}` (`basic`, `global`).
    pub fn add_support(name: &str, code: &str) -> Self {
        Self::json(
            "POST",
            &["servers", name, "support"],
            &serde_json::json!({ "code": code }),
        )
    }

    /// `DELETE /servers/{name}/support`: back to unmanaged.
    pub fn remove_support(name: &str) -> Self {
        Self::bare("DELETE", &["servers", name, "support"])
    }

    /// The support form's choice: `basic` or `global` adds it, empty removes the plan.
    pub fn support_choice(name: &str, code: &str) -> Self {
        match code.trim() {
            "" => Self::remove_support(name),
            code => Self::add_support(name, code),
        }
    }

    /// `POST /servers/{name}/reserved {reserved_plan}`: the formula `M{months}P{plan}`, or an
    /// offer's numeric id (sent as a number).
    pub fn reserve_server(name: &str, reserved_plan: &str) -> Self {
        let plan = reserved_plan.trim();
        let value = match plan.parse::<u64>() {
            Ok(id) => serde_json::json!(id),
            Err(_) => serde_json::json!(plan),
        };
        Self::json(
            "POST",
            &["servers", name, "reserved"],
            &serde_json::json!({ "reserved_plan": value }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(call: &ApiCall) -> serde_json::Value {
        serde_json::from_str(call.body.as_deref().unwrap_or("null")).unwrap()
    }

    #[test]
    fn a_rename_sends_both_spellings_and_no_group_is_nogroup() {
        let rename = ApiCall::rename_server("ec1", "db-primary");
        assert_eq!(rename.method, "PUT");
        assert_eq!(
            body(&rename),
            serde_json::json!({"note": "db-primary", "notes": "db-primary"})
        );
        let out = ApiCall::server_group("ec1", " ");
        assert!(out.curl("http://x").contains(r#""group": "nogroup""#));
        assert_eq!(ApiCall::group_sent("eg100001"), "eg100001");
    }

    #[test]
    fn console_and_restore_are_actions() {
        let console = ApiCall::server_action("ec1", &ServerAction::Console);
        assert_eq!(body(&console), serde_json::json!({"type": "console"}));
        let restore = ApiCall::server_action("ec1", &ServerAction::Rollback { snapshot: 42 });
        assert_eq!(restore.segments(), ["servers", "ec1", "actions"]);
        assert_eq!(
            body(&restore),
            serde_json::json!({"type": "rollback", "snapshot": 42})
        );
    }

    #[test]
    fn support_is_added_by_code_or_removed_and_a_reserve_takes_a_formula_or_an_id() {
        let add = ApiCall::support_choice("ec1", "basic");
        assert_eq!(
            (add.method, add.segments()),
            ("POST", vec!["servers", "ec1", "support"])
        );
        assert_eq!(body(&add), serde_json::json!({"code": "basic"}));
        let none = ApiCall::support_choice("ec1", "");
        assert_eq!((none.method, none.body.as_deref()), ("DELETE", None));
        assert_eq!(
            body(&ApiCall::reserve_server("ec1", "M12PeCS1")),
            serde_json::json!({"reserved_plan": "M12PeCS1"})
        );
        assert_eq!(
            body(&ApiCall::reserve_server("ec1", " 93 ")),
            serde_json::json!({"reserved_plan": 93})
        );
    }
}
