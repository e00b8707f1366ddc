//! Team mode's people and roles, shared by the server (which enforces them) and the browser (which
//! only uses them to leave out what the role cannot do).

use serde::{Deserialize, Serialize};

use crate::model::time::Stamp;

/// What a panel account may do. Ordered: each role may do everything the one before it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads everything but secrets (console keys, script env values, API tokens).
    Viewer,
    /// Also powers, consoles, snapshots, creates and deletes servers, edits the library.
    Operator,
    /// Also people, API tokens, consumption and the audit log. In personal mode the ECS account's
    /// own user is the admin.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Operator, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Operator => "operator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// What the role may do, in a line for the team page.
    pub fn summary(self) -> &'static str {
        match self {
            Role::Viewer => crate::tr!(model.team.viewer),
            Role::Operator => crate::tr!(model.team.operator),
            Role::Admin => crate::tr!(model.team.admin),
        }
    }
}

/// Who this request is, as pages see it: the name shown, the role, and whether the panel runs in
/// team mode (personal mode: the ECS user, always admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub role: Role,
    pub team: bool,
}

impl Viewer {
    pub fn may(&self, need: Role) -> bool {
        self.role >= need
    }
}

/// One person on `/team`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    /// Signed in with a one-time password and not yet changed it.
    pub must_change: bool,
    pub created: Stamp,
    pub last_sign_in: Option<Stamp>,
    /// The row of whoever is looking: they cannot disable or demote themselves.
    pub is_you: bool,
}

/// A password the panel made (new person, reset): shown once to the admin, to pass on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OneTimePassword {
    pub name: String,
    pub password: String,
}

pub const NAME_MAX: usize = 32;

/// A panel username as stored: trimmed, lower case.
pub fn clean_name(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Why `name` (already cleaned) cannot be a panel username.
pub fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some(crate::tr!(model.team.name_empty).into());
    }
    if name.chars().count() > NAME_MAX {
        return Some(crate::tr!(model.team.name_long, max = NAME_MAX).to_string());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
    {
        return Some(crate::tr!(model.team.name_chars).into());
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some(crate::tr!(model.team.name_start).into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_and_round_trip() {
        assert!(Role::Viewer < Role::Operator && Role::Operator < Role::Admin);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn usernames_are_plain() {
        assert_eq!(clean_name("  Alice "), "alice");
        assert_eq!(name_problem("alice.b-2"), None);
        for bad in ["", "a b", "-x", "ähm", &"x".repeat(33)] {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
    }
}
