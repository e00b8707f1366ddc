//! Templates: a row of `/templates` (the API's status code as a word), and the servers one can be
//! made from, with those ECS will refuse marked.

use chrono::{DateTime, Utc};

use crate::ecs::dto::{self, ImageStatus, ServerState};
use crate::model::template::{Refusal, ServerChoice, TemplateRow, TemplateState};
use crate::model::time::Stamp;

pub fn state(s: &ImageStatus) -> TemplateState {
    match s {
        ImageStatus::Creating => TemplateState::Creating,
        ImageStatus::Created => TemplateState::Ready,
        ImageStatus::Deleting => TemplateState::Deleting,
        ImageStatus::Deleted => TemplateState::Deleted,
        ImageStatus::Failed => TemplateState::Failed,
        ImageStatus::Unknown(_) => TemplateState::Unknown,
    }
}

/// The API's own code for an image status (`CG`, `CD`…), shown on hover.
pub fn code(s: &ImageStatus) -> String {
    match s {
        ImageStatus::Creating => "CG".into(),
        ImageStatus::Created => "CD".into(),
        ImageStatus::Deleting => "DE".into(),
        ImageStatus::Deleted => "DD".into(),
        ImageStatus::Failed => "FL".into(),
        ImageStatus::Unknown(word) => word.clone(),
    }
}

pub fn row(t: &dto::Template, now: DateTime<Utc>) -> TemplateRow {
    TemplateRow {
        name: t.name.clone(),
        description: t.description.clone().unwrap_or_default(),
        notes: t.notes.clone().unwrap_or_default(),
        os_base: t.so_base.clone().unwrap_or_default(),
        required_disk: t.required_disk,
        state: state(&t.status),
        code: code(&t.status),
        // A clock ahead of ours would read "in 1 minute": a creation is never in the future.
        created: t.creation_date.map(|d| Stamp::new(d, now.max(d))),
    }
}

/// The rows `/templates` lists: deleted templates left out.
pub fn rows(templates: &[dto::Template], now: DateTime<Utc>) -> Vec<TemplateRow> {
    templates
        .iter()
        .map(|t| row(t, now))
        .filter(|r| r.state != TemplateState::Deleted)
        .collect()
}

/// The account's servers that still exist, by title; those ECS will refuse are marked.
pub fn choices(servers: &[dto::Server]) -> Vec<ServerChoice> {
    let mut out: Vec<ServerChoice> = servers
        .iter()
        .filter(|s| !matches!(s.status, ServerState::Deleting | ServerState::Deleted))
        .map(|s| ServerChoice {
            name: s.name.clone(),
            title: s
                .notes
                .clone()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| s.name.clone()),
            refusal: Refusal::of(s.api_version_value, s.api_version.as_deref(), &s.plan),
        })
        .collect();
    out.sort_by_key(|c| c.title.to_lowercase());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_code_reads_as_a_word() {
        for (code, word) in [
            ("CG", "Creating"),
            ("CD", "Ready"),
            ("DE", "Deleting"),
            ("DD", "Deleted"),
            ("FL", "Failed"),
            ("Created", "Ready"),
            ("Creating", "Creating"),
        ] {
            let s = ImageStatus::parse(code);
            assert_eq!(state(&s).label(), word, "{code}");
        }
        assert_eq!(state(&ImageStatus::parse("XX")), TemplateState::Unknown);
        assert_eq!(code(&ImageStatus::parse("Created")), "CD");
    }
}
