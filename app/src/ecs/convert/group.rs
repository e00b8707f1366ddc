//! Server groups: how a server's `group` id reads (the name people gave it), and `/groups`' rows
//! with their members taken from the servers list (a group knows no members).

use crate::ecs::dto::{self, ServerState};
use crate::model::group::{GroupRow, Member};
use crate::model::server::GroupRef;

/// Group `id` (`eg…`) as people know it: its notes, or the id when it has none.
pub fn group_ref(id: &str, groups: &[dto::Group]) -> GroupRef {
    let label = groups
        .iter()
        .find(|g| g.name == id)
        .and_then(|g| g.notes.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.to_string());
    GroupRef {
        id: id.to_string(),
        label,
    }
}

/// Every group as a choice (the filters, the create form, a server's settings).
pub fn group_refs(groups: &[dto::Group]) -> Vec<GroupRef> {
    groups.iter().map(|g| group_ref(&g.name, groups)).collect()
}

/// One group with the servers in it; `servers` is `None` when they could not be listed.
pub fn row(g: &dto::Group, servers: Option<&[dto::Server]>) -> GroupRow {
    GroupRow {
        id: g.id,
        name: g.name.clone(),
        notes: g.notes.clone().unwrap_or_default(),
        enabled: g.enabled.unwrap_or(true),
        members: servers.map(|servers| {
            let mut members: Vec<Member> = servers
                .iter()
                .filter(|s| s.group.as_deref() == Some(g.name.as_str()))
                .filter(|s| s.status != ServerState::Deleted)
                .map(|s| Member {
                    name: s.name.clone(),
                    notes: s.notes.clone().unwrap_or_default(),
                })
                .collect();
            members.sort_by_key(|m| m.title().to_lowercase());
            members
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_come_from_the_servers_group_field() {
        let group: dto::Group = serde_json::from_value(
            serde_json::json!({"id": 1, "name": "eg100001", "notes": "prod"}),
        )
        .expect("group");
        let servers: Vec<dto::Server> = serde_json::from_value(serde_json::json!([
            {"name": "ec1", "notes": "web", "group": "eg100001", "plan": "eCS1", "location": "it-fr2", "status": "Booted"},
            {"name": "ec2", "notes": "", "group": "eg100002", "plan": "eCS1", "location": "it-fr2", "status": "Booted"},
            {"name": "ec3", "notes": "api", "group": "eg100001", "plan": "eCS1", "location": "it-fr2", "status": "Booted"},
        ]))
        .expect("servers");
        let r = row(&group, Some(&servers));
        let names: Vec<&str> = r
            .members
            .as_ref()
            .expect("known")
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["ec3", "ec1"], "sorted by display name");
        assert!(r.enabled, "a missing flag means enabled");
        assert_eq!(row(&group, None).members, None);
    }
}
