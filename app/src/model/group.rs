//! Server groups as `/groups` shows them: each group with the servers in it, and the rules of the
//! create form (checked in the browser and again on the server).

use serde::{Deserialize, Serialize};

/// The panel's limits (the API documents none).
pub const NOTES_MAX: usize = 64;
pub const PASSWORD_MAX: usize = 128;

/// The password typed for a new group, as the create form sends it. A secret: `Debug` never
/// prints it (the server function's arguments derive `Debug`).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GroupPassword(pub String);

impl std::fmt::Debug for GroupPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "GroupPassword(<blank>)"
        } else {
            "GroupPassword(<redacted>)"
        })
    }
}

/// A server in a group, for the count, the links and the delete dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    /// The display name; empty when it has none.
    pub notes: String,
}

impl Member {
    pub fn title(&self) -> &str {
        super::server::title(&self.name, &self.notes)
    }
}

/// One group in the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRow {
    /// The numeric id, when the API gave one.
    pub id: Option<u64>,
    /// `eg…`: what servers carry in their `group` field.
    pub name: String,
    /// The label people gave it.
    pub notes: String,
    pub enabled: bool,
    /// The servers in it; `None` when the servers could not be listed.
    pub members: Option<Vec<Member>>,
}

impl GroupRow {
    pub fn title(&self) -> &str {
        if self.notes.trim().is_empty() {
            &self.name
        } else {
            &self.notes
        }
    }

    /// `/servers?group=eg…`: the servers list filtered to this group.
    pub fn servers_href(&self) -> String {
        format!("/servers?group={}", super::table::encode(&self.name))
    }

    /// What the API's `DELETE /groups/{id}` is given: the numeric id (as documented) when
    /// known, else the name (which the API also accepts).
    pub fn key(&self) -> String {
        self.id
            .map_or_else(|| self.name.clone(), |id| id.to_string())
    }
}

/// "1 server", "3 servers".
pub fn servers_count(n: usize) -> String {
    if n == 1 {
        crate::tr!(model.group.servers_one).into()
    } else {
        crate::tr!(model.group.servers_many, n = n).to_string()
    }
}

/// The group's label as it will be saved, or why it cannot be.
pub fn check_notes(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(crate::tr!(model.group.name_empty));
    }
    if text.chars().count() > NOTES_MAX {
        return Err(crate::tr!(model.group.name_long));
    }
    if text.chars().any(char::is_control) {
        return Err(crate::tr!(model.group.name_line));
    }
    Ok(text.to_string())
}

/// A typed password is sent as it is (blank means "generate one"); this only refuses what the
/// API could not take.
pub fn check_password(text: &str) -> Result<(), &'static str> {
    if text.chars().count() > PASSWORD_MAX {
        return Err(crate::tr!(model.group.password_long));
    }
    if text.chars().any(char::is_control) {
        return Err(crate::tr!(model.group.password_chars));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_as_people_say_them() {
        let g = GroupRow {
            id: Some(2),
            name: "eg100002".into(),
            notes: "".into(),
            enabled: true,
            members: Some(vec![]),
        };
        assert_eq!(g.title(), "eg100002");
        assert_eq!(g.servers_href(), "/servers?group=eg100002");
        assert_eq!(g.key(), "2");
        assert_eq!(GroupRow { id: None, ..g }.key(), "eg100002");
        assert_eq!(servers_count(1), "1 server");
        assert_eq!(servers_count(0), "0 servers");
        let m = Member {
            name: "ec200401".into(),
            notes: "web-1".into(),
        };
        assert_eq!(m.title(), "web-1");
    }

    #[test]
    fn the_form_is_checked() {
        assert_eq!(check_notes("  production "), Ok("production".into()));
        assert!(check_notes(" ").is_err());
        assert!(check_notes("a\tb").is_err());
        assert!(check_notes(&"x".repeat(NOTES_MAX + 1)).is_err());
        assert_eq!(check_password(""), Ok(()));
        assert!(check_password(&"x".repeat(PASSWORD_MAX + 1)).is_err());
        assert!(check_password("a\nb").is_err());
        let typed = GroupPassword("hunter2".into());
        assert!(!format!("{typed:?}").contains("hunter2"));
    }
}
