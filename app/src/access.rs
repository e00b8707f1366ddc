//! Who may call which server function: the one table the server's access gate enforces (hiding
//! a button is a courtesy, this is the control). A server function missing here is refused, and
//! a test fails when one registered is missing. Every row that changes something is also written
//! to the audit log, with its label and the parameters that name its resource.

use crate::model::team::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Signing in and out: anyone.
    Public,
    /// Reads: the least role that may.
    Read(Role),
    /// Changes: the least role, the words for the audit log, and which parameters name the
    /// resource (the first present, joined).
    Change {
        need: Role,
        label: &'static str,
        resource: &'static [&'static str],
    },
}

use Role::{Admin, Operator, Viewer};
use Rule::{Public, Read};

const fn change(need: Role, label: &'static str, resource: &'static [&'static str]) -> Rule {
    Rule::Change {
        need,
        label,
        resource,
    }
}

const SERVER: &[&str] = &["name"];
const SNAPSHOT: &[&str] = &["name", "snapshot"];

/// Every server function by endpoint name.
pub const RULES: &[(&str, Rule)] = &[
    ("login", Public),
    ("login_token", Public),
    ("logout", Public),
    ("server_time", Public),
    // Reads anyone signed in may do. What a viewer must not see (console keys, script env
    // values, API tokens) is behind a change or left out by the function itself.
    ("overview", Read(Viewer)),
    ("servers_list", Read(Viewer)),
    ("servers_refresh", Read(Viewer)),
    ("servers_activity", Read(Viewer)),
    ("servers_detail", Read(Viewer)),
    ("servers_metrics", Read(Viewer)),
    ("server_networks", Read(Viewer)),
    ("snapshots_list", Read(Viewer)),
    ("create_options", Read(Viewer)),
    ("actions_list", Read(Viewer)),
    ("templates_list", Read(Viewer)),
    ("groups_list", Read(Viewer)),
    ("networks_list", Read(Viewer)),
    ("ssh_keys_list", Read(Viewer)),
    ("scripts_list", Read(Viewer)),
    ("scripts_get", Read(Viewer)),
    ("plans_catalogue", Read(Viewer)),
    ("logs_list", Read(Viewer)),
    ("logs_get", Read(Viewer)),
    ("account_view", Read(Viewer)),
    // Money and people: admins.
    ("consumption_month", Read(Admin)),
    ("consumption_history", Read(Admin)),
    ("team_list", Read(Admin)),
    ("audit_list", Read(Admin)),
    // Everyone's own password.
    (
        "password_change",
        change(Viewer, "Change own password", &[]),
    ),
    // Servers.
    (
        "servers_create",
        change(Operator, "Create a server", &["form[notes]", "form[plan]"]),
    ),
    (
        "servers_power",
        change(Operator, "Power a server on or off", SERVER),
    ),
    (
        "servers_console",
        change(Operator, "Open a server's console", SERVER),
    ),
    (
        "servers_delete",
        change(Operator, "Delete a server", SERVER),
    ),
    (
        "servers_bulk",
        change(Operator, "Act on several servers", &["op", "names[0]"]),
    ),
    (
        "servers_rename",
        change(Operator, "Rename a server", SERVER),
    ),
    (
        "servers_group",
        change(Operator, "Move a server to a group", SERVER),
    ),
    (
        "servers_support",
        change(Operator, "Set a server's support", SERVER),
    ),
    (
        "servers_reserve",
        change(Admin, "Reserve a server (billing)", SERVER),
    ),
    // Snapshots and schedules.
    (
        "snapshots_create",
        change(Operator, "Take a snapshot", SERVER),
    ),
    (
        "snapshots_restore",
        change(Operator, "Restore a snapshot", SNAPSHOT),
    ),
    (
        "snapshots_rename",
        change(Operator, "Rename a snapshot", SNAPSHOT),
    ),
    (
        "snapshots_protect",
        change(Operator, "Protect or unprotect a snapshot", SNAPSHOT),
    ),
    (
        "snapshots_delete",
        change(Operator, "Delete a snapshot", SNAPSHOT),
    ),
    (
        "snapshots_template",
        change(Operator, "Make a template of a snapshot", SNAPSHOT),
    ),
    (
        "snapshots_schedule",
        change(Operator, "Schedule snapshots", SERVER),
    ),
    (
        "snapshots_unschedule",
        change(Operator, "Remove a snapshot schedule", SERVER),
    ),
    // Networks.
    (
        "networks_create",
        change(Operator, "Create a private network", &[]),
    ),
    (
        "networks_delete",
        change(Operator, "Delete a private network", &["name"]),
    ),
    (
        "server_vlans_add",
        change(Operator, "Connect a server to VLANs", &["name", "network"]),
    ),
    (
        "server_vlans_pvid",
        change(
            Operator,
            "Set a server's untagged VLAN",
            &["name", "network"],
        ),
    ),
    (
        "server_vlans_remove",
        change(
            Operator,
            "Disconnect a server from VLANs",
            &["name", "network"],
        ),
    ),
    // The library.
    (
        "templates_create",
        change(Operator, "Make a template", &["name"]),
    ),
    (
        "templates_update",
        change(Operator, "Edit a template", &["name"]),
    ),
    (
        "templates_delete",
        change(Operator, "Delete a template", &["name"]),
    ),
    (
        "groups_create",
        change(Operator, "Create a group", &["name"]),
    ),
    (
        "groups_delete",
        change(Operator, "Delete a group", &["key"]),
    ),
    (
        "ssh_keys_add",
        change(Operator, "Add an SSH key", &["label"]),
    ),
    (
        "ssh_keys_rename",
        change(Operator, "Rename an SSH key", &["id"]),
    ),
    (
        "ssh_keys_delete",
        change(Operator, "Delete an SSH key", &["id"]),
    ),
    (
        "scripts_create",
        change(Operator, "Add a cloud script", &["draft[title]"]),
    ),
    (
        "scripts_update",
        change(Operator, "Edit a cloud script", &["id"]),
    ),
    (
        "scripts_delete",
        change(Operator, "Delete a cloud script", &["id"]),
    ),
    // The account's API tokens and the team: admins.
    (
        "token_create",
        change(Admin, "Make an API token", &["notes"]),
    ),
    (
        "token_rename",
        change(Admin, "Rename an API token", &["id"]),
    ),
    (
        "token_delete",
        change(Admin, "Destroy an API token", &["id"]),
    ),
    ("team_add", change(Admin, "Add a person", &["name"])),
    (
        "team_role",
        change(Admin, "Change a person's role", &["id", "role"]),
    ),
    ("team_disable", change(Admin, "Disable a person", &["id"])),
    ("team_enable", change(Admin, "Re-enable a person", &["id"])),
    (
        "team_reset",
        change(Admin, "Reset a person's password", &["id"]),
    ),
];

/// The rule of the server function at `endpoint` (`None`: not in the table, so refused).
pub fn rule(endpoint: &str) -> Option<Rule> {
    RULES
        .iter()
        .find(|(name, _)| *name == endpoint)
        .map(|(_, r)| *r)
}

/// The audit log's words for an operation.
pub fn label(endpoint: &str) -> &str {
    match rule(endpoint) {
        Some(Rule::Change { label, .. }) => label,
        _ => endpoint,
    }
}

/// The least role a rule needs (`None`: public).
pub fn need(rule: Rule) -> Option<Role> {
    match rule {
        Rule::Public => None,
        Rule::Read(r) | Rule::Change { need: r, .. } => Some(r),
    }
}

/// This request's viewer, as the route guard found it.
pub fn current() -> Option<crate::auth::CurrentUser> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::auth::CurrentUser>().cloned())
}

/// The role of this request (`Viewer` when unknown: the least rights).
pub fn current_role() -> Role {
    current().map_or(Role::Viewer, |u| u.role)
}

/// The words of a refusal by role.
pub fn denied_words(role: Role, need: Role) -> String {
    format!(
        "Your role ({}) does not allow this; it needs {}. Ask an admin of this panel.",
        role.as_str(),
        match need {
            Role::Viewer => "a viewer",
            Role::Operator => "an operator or an admin",
            Role::Admin => "an admin",
        }
    )
}

/// This request's person if their role is at least `need`, else `Forbidden` (the gate has
/// already checked; server functions that hand out secrets check again).
pub fn require(need: Role) -> Result<crate::auth::CurrentUser, crate::error::AppError> {
    let me = current().ok_or(crate::error::AppError::SessionExpired)?;
    if me.role < need {
        return Err(crate::error::AppError::Forbidden(denied_words(
            me.role, need,
        )));
    }
    Ok(me)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_appears_once() {
        let mut names: Vec<_> = RULES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "an endpoint is listed twice");
    }
}
