//! Cloud scripts as the scripts pages show them: the list rows (size, lines, whose), the 20-script
//! limit, the checks made before a script is sent (in the browser and again on the server), and
//! the documented refusals of the API in plain words, each tied to the field it is about.

use serde::{Deserialize, Serialize};

use super::natural::natural_key;
use super::table::{sort_rows, TableQuery};

/// ECS keeps at most this many scripts per user (documented, and Seeweb's panel says so).
pub const MAX_SCRIPTS: usize = 20;
/// Longest title accepted (the API documents no limit; titles are short names).
pub const TITLE_MAX: usize = 64;
/// Largest script accepted, in bytes (the API documents no limit; this is far above a real one).
pub const CONTENT_MAX: usize = 64 * 1024;

/// One script of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptRow {
    pub id: u64,
    pub title: String,
    /// Meant for Windows servers (PowerShell).
    pub windows: bool,
    /// Shared with other users.
    pub public: bool,
    /// Whose it is, when the API says.
    pub owner: Option<String>,
    /// False for another user's public script: shown, used, never changed here.
    pub own: bool,
    pub lines: usize,
    pub bytes: usize,
    /// Its first command, to tell scripts apart in the list.
    pub summary: String,
}

impl ScriptRow {
    /// `me` is the signed-in user. Only a public script of someone else is read-only: a script
    /// without an owner, or a private one, is the user's (the API lists only those).
    pub fn new(
        id: u64,
        title: String,
        content: &str,
        windows: bool,
        public: bool,
        owner: Option<String>,
        me: &str,
    ) -> Self {
        let foreign =
            public && !me.is_empty() && owner.as_deref().is_some_and(|o| !o.is_empty() && o != me);
        ScriptRow {
            id,
            title,
            windows,
            public,
            owner,
            own: !foreign,
            lines: line_count(content),
            bytes: content.len(),
            summary: summary(content),
        }
    }

    pub fn system(&self) -> &'static str {
        if self.windows {
            "Windows"
        } else {
            "Linux"
        }
    }

    /// "1.2 KB · 12 lines".
    pub fn size_text(&self) -> String {
        let (bytes, lines) = (bytes_text(self.bytes), self.lines);
        if lines == 1 {
            crate::tr!(model.script.size_one, bytes = bytes, lines = lines).to_string()
        } else {
            crate::tr!(model.script.size_many, bytes = bytes, lines = lines).to_string()
        }
    }
}

/// The list and how many of the scripts count against the limit (the user's own).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptList {
    pub rows: Vec<ScriptRow>,
    pub own: usize,
}

impl ScriptList {
    pub fn new(rows: Vec<ScriptRow>) -> Self {
        let own = rows.iter().filter(|r| r.own).count();
        ScriptList { rows, own }
    }
}

/// One script with its content, for the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptDetail {
    pub row: ScriptRow,
    pub content: String,
}

/// What the editor holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptDraft {
    pub title: String,
    pub content: String,
    pub windows: bool,
}

impl ScriptDraft {
    pub fn of(detail: &ScriptDetail) -> Self {
        ScriptDraft {
            title: detail.row.title.clone(),
            content: detail.content.clone(),
            windows: detail.row.windows,
        }
    }
}

/// The first line that is not blank, a shebang or a language marker (`#ps1`), cut to 80 characters.
pub fn summary(content: &str) -> String {
    let line = content
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("#!") && !is_powershell(l))
        .unwrap_or("");
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// Lines as an editor counts them ("a\nb" and "a\nb\n" are two).
pub fn line_count(content: &str) -> usize {
    content.lines().count()
}

/// "86 bytes", "1.2 KB", "64 KB".
pub fn bytes_text(bytes: usize) -> String {
    if bytes < 1024 {
        return if bytes == 1 {
            crate::tr!(model.script.byte, n = bytes).to_string()
        } else {
            crate::tr!(model.script.bytes, n = bytes).to_string()
        };
    }
    let kb = bytes as f64 / 1024.0;
    if kb < 10.0 {
        let text = format!("{kb:.1} KB");
        match crate::locale::untracked() {
            crate::i18n::Locale::en => text,
            crate::i18n::Locale::it => text.replace('.', ","),
        }
    } else {
        format!("{} KB", kb.round())
    }
}

/// "3 of 20 scripts".
pub fn limit_text(own: usize) -> String {
    crate::tr!(model.script.limit, own = own, max = MAX_SCRIPTS).to_string()
}

/// Why a new script cannot be created now, if the limit is reached.
pub fn limit_reason(own: usize) -> Option<String> {
    (own >= MAX_SCRIPTS).then(|| crate::tr!(model.script.limit_reason, own = own).to_string())
}

/// The title as it is kept: without surrounding blank space.
pub fn clean_title(typed: &str) -> String {
    typed.trim().to_string()
}

/// Every problem of a draft, as (field, message); empty when it can be sent.
pub fn problems(draft: &ScriptDraft) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let title = draft.title.trim();
    if title.is_empty() {
        out.push(("title", crate::tr!(model.script.title_empty).to_string()));
    } else if title.chars().count() > TITLE_MAX {
        out.push((
            "title",
            crate::tr!(model.script.title_long, max = TITLE_MAX).to_string(),
        ));
    } else if title.chars().any(char::is_control) {
        out.push(("title", crate::tr!(model.script.title_line).to_string()));
    }
    if draft.content.trim().is_empty() {
        out.push((
            "content",
            crate::tr!(model.script.content_empty).to_string(),
        ));
    } else if draft.content.len() > CONTENT_MAX {
        out.push((
            "content",
            crate::tr!(
                model.script.content_big,
                size = bytes_text(draft.content.len()),
                max = bytes_text(CONTENT_MAX)
            )
            .to_string(),
        ));
    }
    out
}

/// PowerShell is recognised by its first line (`#ps1`, `#ps1_sysnative`, `<powershell>`).
pub fn is_powershell(content: &str) -> bool {
    super::create_check::is_powershell(content)
}

/// A note when the Windows flag and the script's language disagree (not an error: the API takes
/// either, but a PowerShell script cannot run on a Linux server).
pub fn windows_hint(draft: &ScriptDraft) -> Option<&'static str> {
    let ps = is_powershell(&draft.content);
    if ps && !draft.windows {
        Some(crate::tr!(model.script.hint_powershell))
    } else if draft.windows && !ps && draft.content.trim_start().starts_with("#!") {
        Some(crate::tr!(model.script.hint_linux))
    } else {
        None
    }
}

/// The documented refusals of `POST`/`PUT /scripts`, as (field, words for people). `form` is
/// the form as a whole.
pub fn explain(message: &str) -> Option<(&'static str, String)> {
    let m = message.to_lowercase();
    let message = message.to_string();
    if m.contains("title") && m.contains("null") {
        Some((
            "title",
            crate::tr!(model.script.refused_title, message = message).to_string(),
        ))
    } else if m.contains("content") && m.contains("null") {
        Some((
            "content",
            crate::tr!(model.script.refused_content, message = message).to_string(),
        ))
    } else if m.contains("more then 20") || m.contains("more than 20") {
        Some((
            "form",
            crate::tr!(
                model.script.refused_limit,
                max = MAX_SCRIPTS,
                message = message
            )
            .to_string(),
        ))
    } else {
        None
    }
}

/// The sort keys of the list (`?sort=`); "" is by title.
pub const SORT_KEYS: [&str; 4] = ["title", "system", "size", "id"];

/// The rows the query shows, in its order: search in title, id and owner.
pub fn shown(rows: &[ScriptRow], q: &TableQuery) -> Vec<ScriptRow> {
    let mut out: Vec<ScriptRow> = rows
        .iter()
        .filter(|r| {
            q.matches(&[
                &r.title,
                &r.id.to_string(),
                r.owner.as_deref().unwrap_or(""),
                r.system(),
            ])
        })
        .cloned()
        .collect();
    sort_rows(&mut out, false, |r| natural_key(&r.title));
    match q.sort.as_str() {
        "system" => sort_rows(&mut out, q.desc, |r| r.windows),
        "size" => sort_rows(&mut out, q.desc, |r| r.bytes),
        "id" => sort_rows(&mut out, q.desc, |r| r.id),
        _ => sort_rows(&mut out, q.desc, |r| natural_key(&r.title)),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64, title: &str, content: &str, windows: bool) -> ScriptRow {
        ScriptRow::new(
            id,
            title.into(),
            content,
            windows,
            false,
            Some("demo".into()),
            "demo",
        )
    }

    #[test]
    fn rows_count_lines_and_bytes() {
        let r = row(1, "a", "#!/bin/bash\necho hi\n", false);
        assert_eq!((r.lines, r.bytes), (2, 20));
        assert_eq!(r.size_text(), "20 bytes · 2 lines");
        assert_eq!(r.system(), "Linux");
        assert_eq!(row(2, "b", "x", true).size_text(), "1 byte · 1 line");
        assert_eq!(bytes_text(1536), "1.5 KB");
        assert_eq!(bytes_text(64 * 1024), "64 KB");
        assert_eq!(r.summary, "echo hi");
        assert_eq!(
            summary("#ps1\n\n  Rename-Computer x \n"),
            "Rename-Computer x"
        );
        assert_eq!(summary(&"y".repeat(90)).chars().count(), 81);
        assert_eq!(summary("#!/bin/sh\n"), "");
    }

    #[test]
    fn only_another_users_public_script_is_read_only() {
        let mk = |public, owner: Option<&str>, me| {
            ScriptRow::new(1, "t".into(), "x", false, public, owner.map(Into::into), me).own
        };
        assert!(!mk(true, Some("alice"), "demo"));
        assert!(mk(true, Some("demo"), "demo"));
        assert!(
            mk(false, Some("alice"), "demo"),
            "a private script is listed only to its owner"
        );
        assert!(mk(true, None, "demo"));
        assert!(
            mk(true, Some("alice"), ""),
            "an unknown user edits as before"
        );
        let list = ScriptList::new(vec![
            ScriptRow::new(
                1,
                "t".into(),
                "x",
                false,
                true,
                Some("alice".into()),
                "demo",
            ),
            row(2, "mine", "x", false),
        ]);
        assert_eq!(
            list.own, 1,
            "others' scripts do not count against the limit"
        );
    }

    #[test]
    fn the_limit_is_twenty() {
        assert_eq!(limit_text(3), "3 of 20 scripts");
        assert_eq!(limit_reason(19), None);
        assert!(limit_reason(20).unwrap().contains("delete one"));
    }

    #[test]
    fn drafts_are_checked_field_by_field() {
        let ok = ScriptDraft {
            title: "install".into(),
            content: "#!/bin/bash\necho".into(),
            windows: false,
        };
        assert!(problems(&ok).is_empty());
        let fields = |d: ScriptDraft| problems(&d).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(fields(ScriptDraft::default()), ["title", "content"]);
        assert_eq!(
            fields(ScriptDraft {
                title: "  ".into(),
                ..ok.clone()
            }),
            ["title"]
        );
        assert_eq!(
            fields(ScriptDraft {
                title: "a\nb".into(),
                ..ok.clone()
            }),
            ["title"]
        );
        assert_eq!(
            fields(ScriptDraft {
                title: "t".repeat(TITLE_MAX + 1),
                ..ok.clone()
            }),
            ["title"]
        );
        assert_eq!(
            fields(ScriptDraft {
                content: " \n ".into(),
                ..ok.clone()
            }),
            ["content"]
        );
        assert_eq!(
            fields(ScriptDraft {
                content: "x".repeat(CONTENT_MAX + 1),
                ..ok.clone()
            }),
            ["content"]
        );
    }

    #[test]
    fn windows_and_language_disagreeing_is_noted() {
        let d = |content: &str, windows| ScriptDraft {
            title: "t".into(),
            content: content.into(),
            windows,
        };
        assert!(windows_hint(&d("#ps1\nGet-Date", false)).is_some());
        assert!(windows_hint(&d("#ps1\nGet-Date", true)).is_none());
        assert!(windows_hint(&d("#!/bin/bash\nls", true)).is_some());
        assert!(windows_hint(&d("#!/bin/bash\nls", false)).is_none());
    }

    #[test]
    fn documented_refusals_go_to_their_field() {
        let field = |m: &str| explain(m).map(|(f, _)| f);
        assert_eq!(field("Error title cant be null"), Some("title"));
        assert_eq!(field("Error content cant be null"), Some("content"));
        assert_eq!(
            field("Error can't have more then 20 scripts remove a script before try to create another"),
            Some("form")
        );
        assert_eq!(field("something else"), None);
        let (_, words) = explain("Error title cant be null").unwrap();
        assert!(words.contains("ECS: “Error title cant be null”"));
    }

    #[test]
    fn search_and_sort() {
        let rows = vec![
            row(3, "install-nginx", &"x\n".repeat(10), false),
            row(1, "Backup", "x", false),
            ScriptRow::new(
                7,
                "win-host".into(),
                "#ps1\nx\nx",
                true,
                true,
                Some("alice".into()),
                "demo",
            ),
        ];
        let ids = |q: &[(&str, &str)]| -> Vec<u64> {
            shown(&rows, &TableQuery::from_pairs(q.iter().copied(), &[]))
                .iter()
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(ids(&[]), [1, 3, 7]);
        assert_eq!(ids(&[("sort", "id"), ("dir", "desc")]), [7, 3, 1]);
        assert_eq!(ids(&[("sort", "size")]), [1, 7, 3]);
        assert_eq!(ids(&[("sort", "system")]), [1, 3, 7]);
        assert_eq!(ids(&[("q", "NGINX")]), [3]);
        assert_eq!(ids(&[("q", "alice")]), [7], "the owner");
        assert_eq!(ids(&[("q", "windows")]), [7]);
        assert_eq!(ids(&[("q", "7")]), [7], "the id");
    }
}
