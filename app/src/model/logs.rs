//! `/logs`: who did what from where, as ECS records it. The API pages the log and filters it by
//! resource; severity and status are filtered here, over the newest entries (see [`SCAN_MAX`]).

use serde::{Deserialize, Serialize};

use crate::model::time::Stamp;

/// Entries per page.
pub const PAGE_SIZE: usize = 25;
/// With a severity or status filter, this many of the newest entries are read and filtered (ECS
/// cannot filter by either): one call, and the page says when older entries were not looked at.
pub const SCAN_MAX: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    Info,
    Warning,
    Error,
    Other,
}

impl Severity {
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" | "notice" | "debug" => Severity::Info,
            "warning" | "warn" => Severity::Warning,
            "error" | "critical" | "alert" | "emergency" => Severity::Error,
            _ => Severity::Other,
        }
    }

    /// The badge's class: the words carry the meaning, the colour only repeats it.
    pub fn badge(self) -> &'static str {
        match self {
            Severity::Info => "badge",
            Severity::Warning => "badge badge-busy",
            Severity::Error => "badge badge-danger",
            Severity::Other => "badge",
        }
    }
}

/// The filter's choices as the URL writes them; a page shows [`choice_label`] of each.
pub const SEVERITIES: &[&str] = &["info", "warning", "error"];
pub const STATUSES: &[&str] = &["success", "failure"];

/// The label of a severity or status choice (a value of [`SEVERITIES`] or [`STATUSES`]) in the
/// reader's language; the value itself for anything else.
pub fn choice_label(value: &str) -> &str {
    match value {
        "info" => crate::tr!(model.logs.info),
        "warning" => crate::tr!(model.logs.warning),
        "error" => crate::tr!(model.logs.error),
        "success" => crate::tr!(model.logs.succeeded),
        "failure" => crate::tr!(model.logs.failed),
        other => other,
    }
}

/// What an entry was about, and its page in the panel when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogTarget {
    /// "Server", "Template", "User".
    pub kind: String,
    pub name: String,
    pub href: Option<String>,
}

/// One entry as the table shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogRow {
    pub id: u64,
    pub actor: String,
    pub action: String,
    pub severity: Severity,
    /// As ECS says it ("info"), capitalised.
    pub severity_text: String,
    /// "Succeeded", "Failed", or ECS's own word.
    pub status_text: String,
    pub failed: bool,
    pub target: Option<LogTarget>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub when: Option<Stamp>,
}

/// `extra_data`, for reading: indented JSON, or the text as it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Extra {
    Json(String),
    Text(String),
}

/// One entry with everything ECS recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogDetail {
    pub row: LogRow,
    pub url: Option<String>,
    pub location: Option<String>,
    pub result_type: Option<String>,
    pub result: Option<String>,
    pub description: Option<String>,
    pub extra: Option<Extra>,
}

/// The filters of a list, as the URL gives them ("" for none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogFilter {
    pub resource: String,
    pub severity: String,
    pub status: String,
}

impl LogFilter {
    /// Severity or status is set: the panel filters, not the API.
    pub fn is_local(&self) -> bool {
        !self.severity.is_empty() || !self.status.is_empty()
    }

    pub fn keeps(&self, row: &LogRow) -> bool {
        let severity = self.severity.is_empty()
            || SEVERITIES
                .iter()
                .any(|v| *v == self.severity && Severity::parse(v) == row.severity);
        let status = match self.status.as_str() {
            "" => true,
            "failure" => row.failed,
            _ => !row.failed,
        };
        severity && status
    }

    /// Why a value of the URL cannot filter, at its field.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        if !self.severity.is_empty() && !SEVERITIES.contains(&self.severity.as_str()) {
            return Some(("severity", crate::tr!(model.logs.choose_severity).into()));
        }
        if !self.status.is_empty() && !STATUSES.contains(&self.status.as_str()) {
            return Some(("status", crate::tr!(model.logs.choose_status).into()));
        }
        None
    }
}

/// One page of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogList {
    pub rows: Vec<LogRow>,
    /// Entries matching (None when the API does not say).
    pub total: Option<u64>,
    /// 1-based, after clamping to the last page.
    pub page: usize,
    pub pages: usize,
    pub filter: LogFilter,
    /// Filtered here: how many of the newest entries were looked at, of how many in all, when
    /// that was not every one.
    pub scanned: Option<(usize, u64)>,
}

impl LogList {
    /// "Showing 26–50 of 132 entries".
    pub fn summary(&self) -> String {
        let first = (self.page - 1) * PAGE_SIZE + 1;
        let last = first + self.rows.len().saturating_sub(1);
        match self.total {
            Some(t) if self.rows.len() as u64 == t => {
                if t == 1 {
                    crate::tr!(model.logs.showing_all_one, total = t).to_string()
                } else {
                    crate::tr!(model.logs.showing_all, total = t).to_string()
                }
            }
            Some(t) => crate::tr!(
                model.logs.showing_range,
                first = first,
                last = last,
                total = t
            )
            .to_string(),
            None => crate::tr!(model.logs.showing_unknown, first = first, last = last).to_string(),
        }
    }
}

/// The panel's page for a log target, when it has one: servers by name, templates in their list,
/// groups and networks on theirs.
pub fn target_href(kind: &str, name: &str) -> Option<String> {
    let safe = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !safe {
        return None;
    }
    match kind.to_ascii_lowercase().as_str() {
        "server" | "ecs" => Some(format!("/servers/{name}")),
        "template" => Some(format!("/templates?q={name}")),
        "group" => Some("/groups".into()),
        "network" => Some("/networks".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(severity: &str, failed: bool) -> LogRow {
        LogRow {
            id: 1,
            actor: "demo".into(),
            action: "Login".into(),
            severity: Severity::parse(severity),
            severity_text: severity.into(),
            status_text: String::new(),
            failed,
            target: None,
            ip: None,
            user_agent: None,
            when: None,
        }
    }

    #[test]
    fn severity_and_status_filter_the_rows() {
        let f = |severity: &str, status: &str| LogFilter {
            resource: String::new(),
            severity: severity.into(),
            status: status.into(),
        };
        assert!(!f("", "").is_local());
        assert!(f("error", "").keeps(&row("ERROR", true)));
        assert!(!f("error", "").keeps(&row("info", false)));
        assert!(f("", "failure").keeps(&row("info", true)));
        assert!(!f("", "success").keeps(&row("info", true)));
        assert_eq!(f("loud", "").problem().unwrap().0, "severity");
        assert_eq!(f("", "maybe").problem().unwrap().0, "status");
        assert_eq!(f("warning", "success").problem(), None);
    }

    #[test]
    fn only_safe_targets_are_linked() {
        assert_eq!(
            target_href("Server", "ec200401").as_deref(),
            Some("/servers/ec200401")
        );
        assert_eq!(
            target_href("Template", "ei1").as_deref(),
            Some("/templates?q=ei1")
        );
        assert_eq!(target_href("Server", "../login"), None);
        assert_eq!(target_href("User", "demo"), None);
    }
}
