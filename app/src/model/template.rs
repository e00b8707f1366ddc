//! Templates as `/templates` shows them: a row per template with its state in words, the servers
//! a template can be made from, and the search and sort the page keeps in its URL.

use serde::{Deserialize, Serialize};

use super::refusal::first_rule;
use super::table::{sort_rows, TableQuery};
use super::time::Stamp;

/// Rows per page of the templates table.
pub const PAGE_SIZE: usize = 25;
/// The panel's limits (the API documents none); Seeweb's own panel keeps descriptions short.
pub const DESCRIPTION_MAX: usize = 100;
pub const NOTES_MAX: usize = 500;

/// Where a template is in its life. The API says `CG`, `CD`, `DE`, `DD`, `FL` (older answers:
/// `Creating`, `Created`, `Deleting`, `Deleted`); `CD` is "Ready" here because that is what it
/// means to a person: servers can be built from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemplateState {
    Creating,
    Ready,
    Deleting,
    Deleted,
    Failed,
    Unknown,
}

impl TemplateState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Creating => crate::tr!(model.template.creating),
            Self::Ready => crate::tr!(model.template.ready),
            Self::Deleting => crate::tr!(model.template.deleting),
            Self::Deleted => crate::tr!(model.template.deleted),
            Self::Failed => crate::tr!(model.template.failed),
            Self::Unknown => crate::tr!(model.template.unknown),
        }
    }

    /// The badge colour class.
    pub fn tone(self) -> &'static str {
        match self {
            Self::Ready => "ok",
            Self::Creating | Self::Deleting => "busy",
            Self::Failed => "danger",
            Self::Deleted | Self::Unknown => "off",
        }
    }

    /// One sentence for the badge's tooltip.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Creating => crate::tr!(model.template.meaning.creating),
            Self::Ready => crate::tr!(model.template.meaning.ready),
            Self::Deleting => crate::tr!(model.template.meaning.deleting),
            Self::Deleted => crate::tr!(model.template.meaning.deleted),
            Self::Failed => crate::tr!(model.template.meaning.failed),
            Self::Unknown => crate::tr!(model.template.meaning.unknown),
        }
    }

    /// Work in progress: a progress bar, and no edits or deletion until it ends.
    pub fn is_busy(self) -> bool {
        matches!(self, Self::Creating | Self::Deleting)
    }
}

/// One template in the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRow {
    /// `ei…`: what a server is created from.
    pub name: String,
    pub description: String,
    pub notes: String,
    /// The operating system family it was made from ("ubuntu", "debian"…), as the API says it.
    pub os_base: String,
    /// GB: the smallest disk a server made from it needs.
    pub required_disk: Option<u64>,
    pub state: TemplateState,
    /// The API's own code (`CG`, `CD`…), shown on hover.
    pub code: String,
    pub created: Option<Stamp>,
}

impl TemplateRow {
    /// What people call it: the description, or the name when it has none.
    pub fn title(&self) -> &str {
        if self.description.trim().is_empty() {
            &self.name
        } else {
            &self.description
        }
    }

    /// `/servers/new?image=ei…`: the create form with this template chosen.
    pub fn create_server_href(&self) -> String {
        format!("/servers/new?image={}", super::table::encode(&self.name))
    }
}

/// A server a template can be made from, for the create dialog's select.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerChoice {
    pub name: String,
    /// The display name, or the name.
    pub title: String,
    /// Why ECS will refuse a template of it, when we know in advance.
    pub refusal: Option<Refusal>,
}

/// Everything `/templates` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatesView {
    pub rows: Vec<TemplateRow>,
    /// The servers to make a template from; `Err` says why they could not be listed.
    pub servers: Result<Vec<ServerChoice>, String>,
}

/// The answer of making a template: the action to follow, and the template as it starts out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTemplate {
    pub action: Option<u64>,
    pub row: TemplateRow,
}

/// Why ECS will not make a template of a server: Seeweb's guide says template creation "is not
/// supported for v1 servers or for the eCSGPU8 plan" (the API answers `Template can't be created
/// for v1 server`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    V1,
    Gpu8,
}

impl Refusal {
    pub fn of(
        api_version_value: Option<u64>,
        api_version: Option<&str>,
        plan: &str,
    ) -> Option<Self> {
        let v1 = api_version_value == Some(1)
            || api_version.is_some_and(|v| v.trim().eq_ignore_ascii_case("v1"));
        if v1 {
            Some(Self::V1)
        } else if plan.to_ascii_uppercase().contains("GPU8") {
            Some(Self::Gpu8)
        } else {
            None
        }
    }

    /// A few words for the server's option in a select.
    pub fn short(self) -> &'static str {
        match self {
            Self::V1 => crate::tr!(model.template.short_v1),
            Self::Gpu8 => crate::tr!(model.template.short_gpu8),
        }
    }

    /// The sentence under the select when such a server is chosen.
    pub fn sentence(self) -> &'static str {
        match self {
            Self::V1 => crate::tr!(model.template.sentence_v1),
            Self::Gpu8 => crate::tr!(model.template.sentence_gpu8),
        }
    }
}

/// The sort keys of the table's columns (the URL's `sort=`); "" is by name.
pub const SORT_KEYS: [&str; 6] = ["name", "description", "os", "disk", "status", "created"];

/// The rows `query` selects: searched (name, description, notes), sorted, one page of them; with
/// how many matched and how many pages there are.
pub fn select(rows: &[TemplateRow], query: &TableQuery) -> (Vec<TemplateRow>, usize, usize) {
    let mut rows: Vec<TemplateRow> = rows
        .iter()
        .filter(|r| query.matches(&[&r.name, &r.description, &r.notes]))
        .cloned()
        .collect();
    let desc = query.desc;
    match query.sort.as_str() {
        "description" => sort_rows(&mut rows, desc, |r| r.title().to_lowercase()),
        "os" => sort_rows(&mut rows, desc, |r| r.os_base.to_lowercase()),
        "disk" => sort_rows(&mut rows, desc, |r| r.required_disk),
        "status" => sort_rows(&mut rows, desc, |r| r.state.label()),
        "created" => sort_rows(&mut rows, desc, |r| {
            r.created.as_ref().map(|c| c.iso.clone())
        }),
        _ => sort_rows(&mut rows, desc, |r| r.name.clone()),
    }
    let matched = rows.len();
    let (rows, pages) = query.paged(rows, PAGE_SIZE);
    (rows, matched, pages)
}

/// A description as it will be saved: one line, trimmed; or why it cannot be.
pub fn check_description(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(crate::tr!(model.template.description_empty));
    }
    if text.chars().count() > DESCRIPTION_MAX {
        return Err(crate::tr!(model.template.description_long));
    }
    if text.chars().any(char::is_control) {
        return Err(crate::tr!(model.template.description_line));
    }
    Ok(text.to_string())
}

/// Notes as they will be saved (trimmed; several lines are fine), or why they cannot be.
pub fn check_notes(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.chars().count() > NOTES_MAX {
        return Err(crate::tr!(model.template.notes_long));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(crate::tr!(model.template.notes_chars));
    }
    Ok(text.to_string())
}

/// ECS's refusals of making a template from a server, in plain words at the server field, with
/// ECS's own words after them.
pub fn explain(message: &str) -> Option<(&'static str, String)> {
    let rules = [
        ("v1 server", crate::tr!(model.template.refused_v1)),
        ("gpu8", crate::tr!(model.template.refused_gpu8)),
        (
            "server not found",
            crate::tr!(model.template.server_not_found),
        ),
        ("busy", crate::tr!(model.server_busy)),
        ("failed state", crate::tr!(model.template.failed_state)),
    ];
    first_rule(message, &rules).map(|why| {
        let message = message.to_string();
        (
            "server",
            crate::tr!(model.ecs_said, why = why, message = message).to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, description: &str, notes: &str, state: TemplateState) -> TemplateRow {
        TemplateRow {
            name: name.into(),
            description: description.into(),
            notes: notes.into(),
            os_base: "ubuntu".into(),
            required_disk: Some(20),
            state,
            code: String::new(),
            created: None,
        }
    }

    fn query(pairs: &[(&str, &str)]) -> TableQuery {
        TableQuery::from_pairs(pairs.iter().copied(), &[])
    }

    #[test]
    fn states_read_as_words_with_a_tone() {
        assert_eq!(TemplateState::Ready.label(), "Ready");
        assert_eq!(TemplateState::Creating.tone(), "busy");
        assert_eq!(TemplateState::Failed.tone(), "danger");
        assert!(TemplateState::Deleting.is_busy());
        assert!(!TemplateState::Failed.is_busy());
    }

    #[test]
    fn v1_servers_and_gpu8_are_refused_in_advance() {
        assert_eq!(Refusal::of(Some(1), None, "eCS1"), Some(Refusal::V1));
        assert_eq!(Refusal::of(None, Some("v1"), "eCS1"), Some(Refusal::V1));
        assert_eq!(
            Refusal::of(Some(5), Some("v5"), "ECS1GPU8"),
            Some(Refusal::Gpu8)
        );
        assert_eq!(Refusal::of(Some(5), Some("v5"), "ECS1GPU7"), None);
        assert_eq!(Refusal::of(None, None, "eCS2"), None);
        assert!(Refusal::V1.sentence().contains("v1 servers"));
    }

    #[test]
    fn search_sort_and_page() {
        let rows = vec![
            row("ei100002", "db baseline", "", TemplateState::Ready),
            row(
                "ei100001",
                "Web golden",
                "nginx inside",
                TemplateState::Creating,
            ),
            row("ei100003", "", "", TemplateState::Failed),
        ];
        let names = |q: &[(&str, &str)]| {
            select(&rows, &query(q))
                .0
                .into_iter()
                .map(|r| r.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&[]), ["ei100001", "ei100002", "ei100003"]);
        assert_eq!(names(&[("q", "NGINX")]), ["ei100001"], "notes are searched");
        assert_eq!(names(&[("q", "golden")]), ["ei100001"]);
        assert_eq!(names(&[("q", "ei100003")]), ["ei100003"]);
        assert_eq!(
            names(&[("sort", "description")]),
            ["ei100002", "ei100003", "ei100001"],
            "a template without a description sorts by its name"
        );
        assert_eq!(
            names(&[("sort", "status"), ("dir", "desc")]),
            ["ei100002", "ei100003", "ei100001"]
        );
        let (_, matched, pages) = select(&rows, &query(&[("q", "nothing")]));
        assert_eq!((matched, pages), (0, 1));
    }

    #[test]
    fn descriptions_and_notes_are_checked() {
        assert_eq!(check_description("  golden  "), Ok("golden".into()));
        assert!(check_description("   ").is_err());
        assert!(check_description("a\nb").is_err());
        assert!(check_description(&"x".repeat(DESCRIPTION_MAX + 1)).is_err());
        assert_eq!(check_notes(" line 1\nline 2 "), Ok("line 1\nline 2".into()));
        assert!(check_notes("bell\u{7}").is_err());
        assert!(check_notes(&"x".repeat(NOTES_MAX + 1)).is_err());
    }

    #[test]
    fn the_create_server_link_names_the_template() {
        let r = row("ei100001", "x", "", TemplateState::Ready);
        assert_eq!(r.create_server_href(), "/servers/new?image=ei100001");
    }

    #[test]
    fn documented_refusals_are_explained_at_the_server_field() {
        assert_eq!(
            explain("Template can't be created for v1 server"),
            Some((
                "server",
                "This is a v1 server: Seeweb makes templates only of newer servers. Choose \
                 another server. (ECS said: “Template can't be created for v1 server”)"
                    .to_string()
            ))
        );
        assert!(explain("server not found").is_some());
        assert_eq!(explain("something new"), None);
    }
}
