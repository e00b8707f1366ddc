//! Cloud scripts: a row of `/scripts` (whose it is, as the signed-in user sees it), one script for
//! the editor, and a checked draft as the API's body.

use crate::ecs::dto::{Script, ScriptInput};
use crate::model::script::{clean_title, ScriptDetail, ScriptDraft, ScriptRow};

/// `me` is the signed-in user ("" if unknown: then every script counts as theirs).
pub fn row(s: &Script, me: &str) -> ScriptRow {
    ScriptRow::new(
        s.id,
        s.title.clone(),
        &s.content,
        s.windows,
        s.public,
        s.user.clone(),
        me,
    )
}

pub fn detail(s: Script, me: &str) -> ScriptDetail {
    ScriptDetail {
        row: row(&s, me),
        content: s.content,
    }
}

/// A draft that passed its checks, as `POST`/`PUT /scripts` take it.
pub fn input(draft: &ScriptDraft) -> ScriptInput {
    ScriptInput {
        title: Some(clean_title(&draft.title)),
        content: Some(draft.content.clone()),
        windows: Some(draft.windows),
    }
}
