//! A server as the pages show it (one row of the list, and everything on its detail page), and
//! the rules of its settings: display name, reserved period, deletion, and ECS's refusals of a
//! support plan or reserved period in plain words. The create form follows the same rules.

use serde::{Deserialize, Serialize};

use super::activity::ActionRow;
use super::refusal::first_rule;
use super::time::Stamp;

/// Actions per page on the detail page.
pub const ACTIONS_PER_PAGE: usize = 10;
/// Longest display name accepted (Seeweb's panel keeps names short; the API documents no limit).
pub const NOTES_MAX: usize = 64;
/// The months a server's plan can be reserved for.
pub const RESERVE_MONTHS: [u32; 4] = [3, 6, 12, 24];

/// What the status badge says, merging the lifecycle (`status`) with the VM's power state
/// (`/status`) when it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Health {
    Running,
    Stopped,
    /// Booted, but the power state is unknown (not asked, or the API could not tell).
    Booted,
    Booting,
    Customizing,
    Reimaging,
    Deleting,
    Failed,
    Unknown,
}

impl Health {
    /// The English word (logs, sorting, CSV).
    pub fn label(self) -> &'static str {
        self.words(crate::i18n::Locale::en)
    }

    /// The word a badge shows, in `locale`.
    pub fn words(self, locale: crate::i18n::Locale) -> &'static str {
        use crate::i18n::td_string;
        match self {
            Health::Running => td_string!(locale, common.health.running),
            Health::Stopped => td_string!(locale, common.health.stopped),
            Health::Booted => td_string!(locale, common.health.booted),
            Health::Booting => td_string!(locale, common.health.booting),
            Health::Customizing => td_string!(locale, common.health.customizing),
            Health::Reimaging => td_string!(locale, common.health.reimaging),
            Health::Deleting => td_string!(locale, common.health.deleting),
            Health::Failed => td_string!(locale, common.health.failed),
            Health::Unknown => td_string!(locale, common.health.unknown),
        }
    }

    /// The badge colour class.
    pub fn tone(self) -> &'static str {
        match self {
            Health::Running | Health::Booted => "ok",
            Health::Stopped | Health::Unknown => "off",
            Health::Booting | Health::Customizing | Health::Reimaging => "busy",
            Health::Deleting | Health::Failed => "danger",
        }
    }

    /// A lifecycle step with a progress bar.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            Health::Booting | Health::Customizing | Health::Reimaging | Health::Deleting
        )
    }
}

/// One row of `/servers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerRow {
    pub name: String,
    /// The display name (`notes`); empty when none was given.
    pub notes: String,
    pub health: Health,
    /// The lifecycle word from the API (`Booted`, `Booting`…): what the status filter matches.
    pub lifecycle: String,
    pub progress: Option<u8>,
    pub plan: String,
    /// "Standard", "Windows", "High memory", "GPU", "AI accelerator".
    pub family: String,
    /// "2 vCPU · 2 GB RAM · 40 GB disk".
    pub size: String,
    pub gpu: Option<String>,
    pub region: String,
    pub region_label: String,
    pub os: String,
    pub os_label: String,
    pub ipv4: Option<String>,
    pub ipv6: Option<String>,
    pub group: Option<GroupRef>,
    /// The end of the reserved period, when reserved.
    pub reserved_until: Option<Stamp>,
    /// The support plan's title ("Basic", "Global"), when managed.
    pub support: Option<String>,
    pub created: Option<Stamp>,
}

/// What people call a server: its display name (`notes`), or its name when it has none.
pub fn title<'a>(name: &'a str, notes: &'a str) -> &'a str {
    if notes.is_empty() {
        name
    } else {
        notes
    }
}

impl ServerRow {
    pub fn title(&self) -> &str {
        title(&self.name, &self.notes)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRef {
    /// `eg…`
    pub id: String,
    /// The group's notes, or its id when it has none.
    pub label: String,
}

/// The support plan of a server as the settings tab shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportView {
    pub code: String,
    pub title: String,
    pub immutable: bool,
    pub may_downgrade: bool,
    pub start: Option<Stamp>,
    pub end: Option<Stamp>,
}

/// A reserved period (from the server, or the answer of `POST …/reserved`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReservationView {
    pub formula: String,
    pub months: Option<u64>,
    /// Percent.
    pub discount: Option<f64>,
    pub start: Option<Stamp>,
    pub end: Option<Stamp>,
}

/// Everything on `/servers/{name}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerDetail {
    pub row: ServerRow,
    /// The hypervisor's word from `/status` (`RUNNING`, `Running`…), or why it is unknown.
    pub power: Result<String, String>,
    pub powered_on: Option<bool>,
    pub cores: Option<u64>,
    /// "8 GB".
    pub ram: Option<String>,
    pub disk_gb: Option<u64>,
    pub host_type: Option<String>,
    pub api_version: Option<String>,
    pub virtualization: Option<String>,
    pub owner: Option<String>,
    pub last_restored_snapshot: Option<String>,
    pub support: Option<SupportView>,
    pub is_reserved: bool,
    pub isolations: Result<Vec<Isolated>, String>,
    /// Groups to move the server to.
    pub groups: Vec<GroupRef>,
    pub actions: ActionsPage,
    /// Console and metrics need a v2+ server.
    pub legacy_v1: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Isolated {
    pub name: String,
    pub notes: String,
}

/// One page of a server's actions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionsPage {
    pub rows: Vec<ActionRow>,
    pub page: usize,
    pub pages: usize,
    pub total: Option<u64>,
}

/// As Seeweb's panel does: blanks are not allowed in a display name and become "-".
pub fn display_name(typed: &str) -> String {
    typed.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Why `notes` (as [`display_name`] leaves it) cannot be a server's display name.
pub fn notes_problem(notes: &str) -> Option<String> {
    if notes.is_empty() {
        Some(crate::tr!(model.server.notes_empty).into())
    } else if notes.chars().count() > NOTES_MAX {
        Some(crate::tr!(model.server.notes_long, max = NOTES_MAX).to_string())
    } else if notes.chars().any(char::is_control) {
        Some(crate::tr!(model.server.notes_line).into())
    } else {
        None
    }
}

/// `M12PeCS6`: what `POST /servers/{name}/reserved` (and a create's `reserved_plan`) takes.
pub fn reserved_formula(months: u32, plan: &str) -> String {
    format!("M{months}P{plan}")
}

/// Whether typing `typed` confirms deleting the server: its name, or its display name.
pub fn confirms_delete(typed: &str, name: &str, notes: &str) -> bool {
    let typed = typed.trim();
    !typed.is_empty() && (typed == name || (!notes.is_empty() && typed == notes))
}

/// ECS's documented refusals of a support plan or reserved period, as a sentence that says what
/// to do, with ECS's own words after it (see the README's “Demo mode and the ECS API simulator”).
pub fn explain(message: &str) -> Option<String> {
    let rules = [
        ("immutable", crate::tr!(model.server.immutable)),
        ("downgrade", crate::tr!(model.server.downgrade)),
        (
            "support code not found",
            crate::tr!(model.server.support_not_found),
        ),
        (
            "not available for your profile",
            crate::tr!(model.server.reserved_not_enabled),
        ),
        (
            "different resource plan",
            crate::tr!(model.server.reserved_other_plan),
        ),
        (
            "reserved plan not found",
            crate::tr!(model.server.reserved_not_found),
        ),
    ];
    first_rule(message, &rules).map(|why| {
        let message = message.to_string();
        crate::tr!(model.ecs_said, why = why, message = message).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_formulas() {
        assert_eq!(reserved_formula(12, "eCS6"), "M12PeCS6");
        assert_eq!(display_name("  web  front 1 "), "web-front-1");
        assert_eq!(
            notes_problem(&display_name("  ")),
            Some("Enter a display name.".into())
        );
        assert!(notes_problem(&"x".repeat(NOTES_MAX + 1)).is_some());
        assert!(notes_problem("a\u{7}b").is_some());
        assert_eq!(notes_problem(&"x".repeat(NOTES_MAX)), None);
    }

    #[test]
    fn deleting_asks_for_the_name_or_the_display_name() {
        assert!(confirms_delete(" ec200401 ", "ec200401", "web"));
        assert!(confirms_delete("web", "ec200401", "web"));
        assert!(!confirms_delete("", "ec200401", ""));
        assert!(!confirms_delete("web-2", "ec200401", "web"));
    }

    #[test]
    fn documented_refusals_are_explained() {
        assert_eq!(
            explain("You cannot downgrade a support plan, plan not yet finished...").as_deref(),
            Some(
                "A support plan can be downgraded or removed only after its current period ends. \
                 (ECS said: “You cannot downgrade a support plan, plan not yet finished...”)"
            )
        );
        assert_eq!(explain("something else"), None);
    }
}
