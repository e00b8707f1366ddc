//! The account's actions page: one page of `/actions` (the API pages it), each action with what it
//! acted on as a person reads it, and where that lives in the panel.

use serde::{Deserialize, Serialize};

use super::activity::ActionRow;
use super::table::encode;

/// Actions per page.
pub const PAGE_SIZE: usize = 25;

/// What an action acted on, as the API types it (`resource_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceKind {
    Server,
    Template,
    Snapshot,
    Network,
    Other,
}

/// Something in the account the filter can offer, and the table can name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    /// `ec200401`, `ei100006`.
    pub id: String,
    /// The display name (`web-1`), or the id when it has none.
    pub label: String,
}

/// An action's resource in the table: words, and a link when the panel has a page for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// "web-1", "Snapshot 104", "VLAN on net000022".
    pub label: String,
    /// The raw id under the label, when it says more than the label (`ec200401`).
    pub id: Option<String>,
    pub href: Option<String>,
    /// It no longer exists (a deleted server or template): shown, not linked.
    pub gone: bool,
}

/// Where an action of `kind` on `resource` points, given what the account has now.
pub fn target(
    kind: ResourceKind,
    resource: &str,
    servers: &[Known],
    templates: &[Known],
) -> Target {
    let resource = resource.trim();
    let plain = |label: String| Target {
        label,
        id: None,
        href: None,
        gone: false,
    };
    if resource.is_empty() {
        return plain(crate::tr!(model.none).into());
    }
    let find = |list: &[Known]| list.iter().find(|k| k.id == resource).cloned();
    match kind {
        ResourceKind::Server => match find(servers) {
            Some(s) => Target {
                id: (s.label != s.id).then(|| s.id.clone()),
                label: s.label,
                href: Some(format!("/servers/{}", encode(resource))),
                gone: false,
            },
            None => Target {
                gone: true,
                ..plain(resource.to_string())
            },
        },
        ResourceKind::Template => match find(templates) {
            Some(t) => Target {
                id: (t.label != t.id).then(|| t.id.clone()),
                label: t.label,
                href: Some(format!("/templates?q={}", encode(resource))),
                gone: false,
            },
            None => Target {
                gone: true,
                ..plain(resource.to_string())
            },
        },
        ResourceKind::Snapshot => {
            plain(crate::tr!(model.actions.snapshot, id = resource.to_string()).to_string())
        }
        // `ec200322-net000022`: a VLAN of a private network on a server.
        ResourceKind::Network => match resource.split_once('-') {
            Some((server, network)) => {
                let on = find_named(servers, server);
                Target {
                    label: crate::tr!(model.actions.vlan_on, network = network.to_string())
                        .to_string(),
                    id: Some(server.to_string()),
                    href: on.map(|_| format!("/servers/{}", encode(server))),
                    gone: false,
                }
            }
            None => plain(crate::tr!(model.actions.network, id = resource.to_string()).to_string()),
        },
        ResourceKind::Other => plain(resource.to_string()),
    }
}

fn find_named<'a>(list: &'a [Known], id: &str) -> Option<&'a Known> {
    list.iter().find(|k| k.id == id)
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionLine {
    pub row: ActionRow,
    pub target: Target,
}

/// One page of the account's actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionList {
    pub lines: Vec<ActionLine>,
    /// All actions matching (None when the API does not say).
    pub total: Option<u64>,
    /// 1-based, after clamping to the last page.
    pub page: usize,
    pub pages: usize,
    /// The resource filter applied ("" for none).
    pub resource: String,
    /// What the filter can offer: the account's servers and templates.
    pub servers: Vec<Known>,
    pub templates: Vec<Known>,
}

impl ActionList {
    /// "Showing 26–50 of 132 actions", "Showing 3 of 3 actions on ec200401".
    pub fn summary(&self) -> String {
        let first = (self.page - 1) * PAGE_SIZE + 1;
        let last = first + self.lines.len().saturating_sub(1);
        let on = if self.resource.is_empty() {
            String::new()
        } else {
            let resource = self.resource.clone();
            crate::tr!(model.actions.on_resource, resource = resource).to_string()
        };
        let count = match self.total {
            Some(t) if self.lines.len() as u64 == t => {
                if t == 1 {
                    crate::tr!(model.actions.showing_all_one, total = t).to_string()
                } else {
                    crate::tr!(model.actions.showing_all, total = t).to_string()
                }
            }
            Some(t) if t == 1 => crate::tr!(
                model.actions.showing_range_one,
                first = first,
                last = last,
                total = t
            )
            .to_string(),
            Some(t) => crate::tr!(
                model.actions.showing_range,
                first = first,
                last = last,
                total = t
            )
            .to_string(),
            None => {
                crate::tr!(model.actions.showing_unknown, first = first, last = last).to_string()
            }
        };
        format!("{count}{on}")
    }
}

/// Pages for `total` actions (at least 1); without a total, one more page while this one is full.
pub fn page_count(total: Option<u64>, page: usize, shown: usize) -> usize {
    match total {
        Some(t) => (t as usize).div_ceil(PAGE_SIZE).max(1),
        None if shown >= PAGE_SIZE => page + 1,
        None => page.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::activity::Outcome;

    fn known(id: &str, label: &str) -> Known {
        Known {
            id: id.into(),
            label: label.into(),
        }
    }

    #[test]
    fn targets_link_to_what_still_exists() {
        let servers = [known("ec200401", "web-1"), known("ec200409", "ec200409")];
        let templates = [known("ei100006", "golden image")];
        let t = target(ResourceKind::Server, "ec200401", &servers, &templates);
        assert_eq!(t.label, "web-1");
        assert_eq!(t.id.as_deref(), Some("ec200401"));
        assert_eq!(t.href.as_deref(), Some("/servers/ec200401"));
        // A server with no display name shows its id once.
        let t = target(ResourceKind::Server, "ec200409", &servers, &templates);
        assert_eq!((t.label.as_str(), t.id), ("ec200409", None));
        let gone = target(ResourceKind::Server, "ec200210", &servers, &templates);
        assert!(gone.gone && gone.href.is_none());
        assert_eq!(
            target(ResourceKind::Template, "ei100006", &servers, &templates).href,
            Some("/templates?q=ei100006".into())
        );
        assert!(target(ResourceKind::Template, "ei999", &servers, &templates).gone);
        let snap = target(ResourceKind::Snapshot, "104", &servers, &templates);
        assert_eq!((snap.label.as_str(), snap.href), ("Snapshot 104", None));
        let vlan = target(
            ResourceKind::Network,
            "ec200401-net000022",
            &servers,
            &templates,
        );
        assert_eq!(vlan.label, "VLAN on net000022");
        assert_eq!(vlan.href.as_deref(), Some("/servers/ec200401"));
        assert_eq!(
            target(ResourceKind::Other, " ", &servers, &templates).label,
            "—"
        );
    }

    fn page(n: usize, shown: usize, total: Option<u64>, resource: &str) -> ActionList {
        let row = ActionRow {
            id: 1,
            kind: "Power off".into(),
            outcome: Outcome::Completed,
            progress: None,
            resource: String::new(),
            user: String::new(),
            created: None,
            started: None,
            completed: None,
            took: None,
        };
        ActionList {
            lines: (0..shown)
                .map(|_| ActionLine {
                    row: row.clone(),
                    target: target(ResourceKind::Other, "", &[], &[]),
                })
                .collect(),
            total,
            page: n,
            pages: page_count(total, n, shown),
            resource: resource.into(),
            servers: vec![],
            templates: vec![],
        }
    }

    #[test]
    fn summary_counts_from_the_page() {
        assert_eq!(
            page(2, 25, Some(132), "").summary(),
            "Showing 26–50 of 132 actions"
        );
        assert_eq!(
            page(6, 7, Some(132), "").summary(),
            "Showing 126–132 of 132 actions"
        );
        assert_eq!(
            page(1, 3, Some(3), "ec200401").summary(),
            "Showing 3 actions on ec200401"
        );
        assert_eq!(page(1, 1, Some(1), "").summary(), "Showing 1 action");
        assert_eq!(page(3, 25, None, "").summary(), "Showing actions 51–75");
    }

    #[test]
    fn pages_from_the_total_or_a_full_page() {
        assert_eq!(page_count(Some(132), 1, 25), 6);
        assert_eq!(page_count(Some(125), 1, 25), 5);
        assert_eq!(page_count(Some(0), 1, 0), 1);
        assert_eq!(page_count(None, 3, 25), 4);
        assert_eq!(page_count(None, 3, 10), 3);
    }
}
