//! Who may call which server function: the one table the server's access gate enforces (hiding
//! a button is a courtesy, this is the control). A server function missing here is refused, and
//! a test fails when one registered is missing. Every row that changes something is also written
//! to the audit log, with the parameters that name its resource and its words ([`label`]).

use crate::model::team::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Signing in and out: anyone.
    Public,
    /// Reads: the least role that may.
    Read(Role),
    /// Changes: the least role, and which parameters name the resource (the first present,
    /// joined). The audit log's words for it are [`label`]'s.
    Change {
        need: Role,
        resource: &'static [&'static str],
    },
}

use Role::{Admin, Operator, Viewer};
use Rule::{Public, Read};

const fn change(need: Role, resource: &'static [&'static str]) -> Rule {
    Rule::Change { need, resource }
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
    ("password_change", change(Viewer, &[])),
    // Servers.
    (
        "servers_create",
        change(Operator, &["form[notes]", "form[plan]"]),
    ),
    ("servers_power", change(Operator, SERVER)),
    ("servers_console", change(Operator, SERVER)),
    ("servers_delete", change(Operator, SERVER)),
    ("servers_bulk", change(Operator, &["op", "names[0]"])),
    ("servers_rename", change(Operator, SERVER)),
    ("servers_group", change(Operator, SERVER)),
    ("servers_support", change(Operator, SERVER)),
    ("servers_reserve", change(Admin, SERVER)),
    // Snapshots and schedules.
    ("snapshots_create", change(Operator, SERVER)),
    ("snapshots_restore", change(Operator, SNAPSHOT)),
    ("snapshots_rename", change(Operator, SNAPSHOT)),
    ("snapshots_protect", change(Operator, SNAPSHOT)),
    ("snapshots_delete", change(Operator, SNAPSHOT)),
    ("snapshots_template", change(Operator, SNAPSHOT)),
    ("snapshots_schedule", change(Operator, SERVER)),
    ("snapshots_unschedule", change(Operator, SERVER)),
    // Networks.
    ("networks_create", change(Operator, &[])),
    ("networks_delete", change(Operator, &["name"])),
    ("server_vlans_add", change(Operator, &["name", "network"])),
    ("server_vlans_pvid", change(Operator, &["name", "network"])),
    (
        "server_vlans_remove",
        change(Operator, &["name", "network"]),
    ),
    // The library.
    ("templates_create", change(Operator, &["name"])),
    ("templates_update", change(Operator, &["name"])),
    ("templates_delete", change(Operator, &["name"])),
    ("groups_create", change(Operator, &["name"])),
    ("groups_delete", change(Operator, &["key"])),
    ("ssh_keys_add", change(Operator, &["label"])),
    ("ssh_keys_rename", change(Operator, &["id"])),
    ("ssh_keys_delete", change(Operator, &["id"])),
    ("scripts_create", change(Operator, &["draft[title]"])),
    ("scripts_update", change(Operator, &["id"])),
    ("scripts_delete", change(Operator, &["id"])),
    // The account's API tokens and the team: admins.
    ("token_create", change(Admin, &["notes"])),
    ("token_rename", change(Admin, &["id"])),
    ("token_delete", change(Admin, &["id"])),
    ("team_add", change(Admin, &["name"])),
    ("team_role", change(Admin, &["id", "role"])),
    ("team_disable", change(Admin, &["id"])),
    ("team_enable", change(Admin, &["id"])),
    ("team_reset", change(Admin, &["id"])),
];

/// The rule of the server function at `endpoint` (`None`: not in the table, so refused).
pub fn rule(endpoint: &str) -> Option<Rule> {
    RULES
        .iter()
        .find(|(name, _)| *name == endpoint)
        .map(|(_, r)| *r)
}

/// The audit log's words for an operation, in the reader's language (`audit.op` in the locales;
/// a test fails on a change without them).
pub fn label(endpoint: &str) -> &str {
    match endpoint {
        "password_change" => crate::tr!(audit.op.password_change),
        "servers_create" => crate::tr!(audit.op.servers_create),
        "servers_power" => crate::tr!(audit.op.servers_power),
        "servers_console" => crate::tr!(audit.op.servers_console),
        "servers_delete" => crate::tr!(audit.op.servers_delete),
        "servers_bulk" => crate::tr!(audit.op.servers_bulk),
        "servers_rename" => crate::tr!(audit.op.servers_rename),
        "servers_group" => crate::tr!(audit.op.servers_group),
        "servers_support" => crate::tr!(audit.op.servers_support),
        "servers_reserve" => crate::tr!(audit.op.servers_reserve),
        "snapshots_create" => crate::tr!(audit.op.snapshots_create),
        "snapshots_restore" => crate::tr!(audit.op.snapshots_restore),
        "snapshots_rename" => crate::tr!(audit.op.snapshots_rename),
        "snapshots_protect" => crate::tr!(audit.op.snapshots_protect),
        "snapshots_delete" => crate::tr!(audit.op.snapshots_delete),
        "snapshots_template" => crate::tr!(audit.op.snapshots_template),
        "snapshots_schedule" => crate::tr!(audit.op.snapshots_schedule),
        "snapshots_unschedule" => crate::tr!(audit.op.snapshots_unschedule),
        "networks_create" => crate::tr!(audit.op.networks_create),
        "networks_delete" => crate::tr!(audit.op.networks_delete),
        "server_vlans_add" => crate::tr!(audit.op.server_vlans_add),
        "server_vlans_pvid" => crate::tr!(audit.op.server_vlans_pvid),
        "server_vlans_remove" => crate::tr!(audit.op.server_vlans_remove),
        "templates_create" => crate::tr!(audit.op.templates_create),
        "templates_update" => crate::tr!(audit.op.templates_update),
        "templates_delete" => crate::tr!(audit.op.templates_delete),
        "groups_create" => crate::tr!(audit.op.groups_create),
        "groups_delete" => crate::tr!(audit.op.groups_delete),
        "ssh_keys_add" => crate::tr!(audit.op.ssh_keys_add),
        "ssh_keys_rename" => crate::tr!(audit.op.ssh_keys_rename),
        "ssh_keys_delete" => crate::tr!(audit.op.ssh_keys_delete),
        "scripts_create" => crate::tr!(audit.op.scripts_create),
        "scripts_update" => crate::tr!(audit.op.scripts_update),
        "scripts_delete" => crate::tr!(audit.op.scripts_delete),
        "token_create" => crate::tr!(audit.op.token_create),
        "token_rename" => crate::tr!(audit.op.token_rename),
        "token_delete" => crate::tr!(audit.op.token_delete),
        "team_add" => crate::tr!(audit.op.team_add),
        "team_role" => crate::tr!(audit.op.team_role),
        "team_disable" => crate::tr!(audit.op.team_disable),
        "team_enable" => crate::tr!(audit.op.team_enable),
        "team_reset" => crate::tr!(audit.op.team_reset),
        other => other,
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
    let need = match need {
        Role::Viewer => crate::tr!(errors.api.access.need_viewer),
        Role::Operator => crate::tr!(errors.api.access.need_operator),
        Role::Admin => crate::tr!(errors.api.access.need_admin),
    };
    crate::tr!(
        errors.api.access.role_denied,
        role = role.as_str(),
        need = need
    )
    .to_string()
}

/// The refusal of an endpoint missing from [`RULES`].
pub fn unknown_words() -> String {
    crate::tr!(errors.api.access.unknown_operation).to_string()
}

/// The refusal of anything but a password change while a one-time password is in use.
pub fn choose_password_words() -> String {
    crate::tr!(errors.api.access.choose_password_first).to_string()
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

    #[test]
    fn every_change_has_words_for_the_audit_log() {
        for (name, rule) in RULES {
            if matches!(rule, Rule::Change { .. }) {
                assert_ne!(label(name), *name, "{name} has no words in `label`");
            }
        }
        assert_eq!(label("servers_power"), "Power a server on or off");
    }
}
