//! The SSH keys page: each registered key as a person reads it (type, size and fingerprint are
//! computed from the key text, since the API stores text and says nothing about it), the label
//! rules, and the search and sort of the list. Pure, so the browser and the server agree.
//!
//! Labels are unique, and the panel compares them ignoring case and surrounding blank space:
//! "Work" and "work " are the same label here. ECS itself only refuses an exact repeat, but two
//! labels that differ only in case cannot be told apart in the create form's key list.

use serde::{Deserialize, Serialize};

use super::natural::natural_key;
use super::ssh_key;
use super::table::{sort_rows, TableQuery};
use super::time::Stamp;

/// Longest label accepted (the API documents no limit; labels are short names).
pub const LABEL_MAX: usize = 64;

/// What the list says instead of a fingerprint when the stored text is not a key, in the reader's
/// language.
pub fn not_a_key() -> &'static str {
    crate::tr!(model.ssh_key_list.not_a_key)
}

/// What the key text says about itself, when it is a valid OpenSSH public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFacts {
    /// `ED25519`, `RSA`, `ECDSA`… as `ssh-keygen -l` prints it.
    pub kind: String,
    pub bits: Option<u32>,
    /// `SHA256:…`, as `ssh-keygen -lf` prints it.
    pub fingerprint: String,
    pub comment: Option<String>,
}

impl KeyFacts {
    pub fn of(key: &ssh_key::PublicKey) -> Self {
        KeyFacts {
            kind: key.kind.label().to_string(),
            bits: key.bits(),
            fingerprint: key.fingerprint(),
            comment: key.comment.clone(),
        }
    }

    /// "ED25519 · 256 bits".
    pub fn summary(&self) -> String {
        match self.bits {
            Some(bits) => {
                let kind = self.kind.clone();
                crate::tr!(model.ssh_key_list.bits, kind = kind, bits = bits).to_string()
            }
            None => self.kind.clone(),
        }
    }
}

/// One registered key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshKeyRow {
    pub id: u64,
    pub label: String,
    /// The key text as ECS holds it (what the copy button copies).
    pub key: String,
    /// None when the text is not a valid key; `problem` then says why.
    pub facts: Option<KeyFacts>,
    pub problem: Option<String>,
    pub created: Option<Stamp>,
}

impl SshKeyRow {
    pub fn new(id: u64, label: String, key: String, created: Option<Stamp>) -> Self {
        let (facts, problem) = match ssh_key::parse(&key) {
            Ok(k) => (Some(KeyFacts::of(&k)), None),
            Err(e) => (None, Some(e.to_string())),
        };
        SshKeyRow {
            id,
            label,
            key,
            facts,
            problem,
            created,
        }
    }

    pub fn fingerprint(&self) -> Option<&str> {
        self.facts.as_ref().map(|f| f.fingerprint.as_str())
    }
}

/// What was registered, for the message that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAdded {
    pub label: String,
    pub fingerprint: String,
}

/// The label as it is kept: without surrounding blank space.
pub fn clean_label(typed: &str) -> String {
    typed.trim().to_string()
}

/// Labels are compared ignoring case and surrounding blank space.
pub fn same_label(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Why `label` cannot be used for key `except` (None: a new key), given the keys there are.
pub fn label_problem(label: &str, keys: &[SshKeyRow], except: Option<u64>) -> Option<String> {
    let label = label.trim();
    if label.is_empty() {
        return Some(crate::tr!(model.ssh_key_list.label_empty).into());
    }
    if label.chars().count() > LABEL_MAX {
        return Some(crate::tr!(model.ssh_key_list.label_long, max = LABEL_MAX).to_string());
    }
    if label.chars().any(char::is_control) {
        return Some(crate::tr!(model.ssh_key_list.label_line).into());
    }
    keys.iter()
        .find(|k| Some(k.id) != except && same_label(&k.label, label))
        .map(|k| {
            let label = k.label.clone();
            crate::tr!(model.ssh_key_list.label_taken, label = label).to_string()
        })
}

/// The key with this fingerprint among `keys`, if it is already registered.
pub fn registered_as<'a>(fingerprint: &str, keys: &'a [SshKeyRow]) -> Option<&'a SshKeyRow> {
    keys.iter().find(|k| k.fingerprint() == Some(fingerprint))
}

/// The sort keys of the list (`?sort=`); "" is by label.
pub const SORT_KEYS: [&str; 3] = ["label", "type", "created"];

/// The rows the query shows, in its order: search in label, type, fingerprint and comment.
pub fn shown(rows: &[SshKeyRow], q: &TableQuery) -> Vec<SshKeyRow> {
    let mut out: Vec<SshKeyRow> = rows
        .iter()
        .filter(|r| {
            let facts = r.facts.as_ref();
            q.matches(&[
                &r.label,
                facts.map(|f| f.kind.as_str()).unwrap_or(""),
                facts.map(|f| f.fingerprint.as_str()).unwrap_or(""),
                facts.and_then(|f| f.comment.as_deref()).unwrap_or(""),
            ])
        })
        .cloned()
        .collect();
    sort_rows(&mut out, false, |r| natural_key(&r.label));
    match q.sort.as_str() {
        "type" => sort_rows(&mut out, q.desc, |r| {
            r.facts.as_ref().map(|f| (f.kind.clone(), f.bits))
        }),
        "created" => sort_rows(&mut out, q.desc, |r| {
            r.created.as_ref().map(|c| c.iso.clone())
        }),
        _ => sort_rows(&mut out, q.desc, |r| natural_key(&r.label)),
    }
    out
}

/// ECS's refusals of a key, at the field they are about: a label already in use (its words are
/// undocumented), a missing label or key. None for anything else (a 404 among them).
pub fn explain(message: &str) -> Option<(&'static str, String)> {
    let m = message.to_lowercase();
    if m.contains("label") {
        let taken = ["exist", "unique", "already", "duplicate", "taken", "in use"]
            .iter()
            .any(|w| m.contains(w));
        let message = message.to_string();
        Some((
            "label",
            if taken {
                crate::tr!(model.ssh_key_list.refused_taken, message = message).to_string()
            } else {
                crate::tr!(model.ssh_key_list.refused_label, message = message).to_string()
            },
        ))
    } else if m.contains("key") && !m.contains("not found") {
        let message = message.to_string();
        Some((
            "key",
            crate::tr!(model.ssh_key_list.refused_key, message = message).to_string(),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJe test@example";
    const ECDSA_256: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGkO9UQHcSnsBTMspyBRRLFf8kO896gwloEyeSCZ41NDUS21faawVSL8t3ullpdt0fwBiPTY0UfOJmCqVCTnSg4= ec256";

    fn row(id: u64, label: &str, key: &str, iso: &str) -> SshKeyRow {
        let created = Stamp {
            ago: 0,
            parts: (2026, 11, 1, 0, 0),
            date_only: false,
            iso: iso.into(),
        };
        SshKeyRow::new(id, label.into(), key.into(), Some(created))
    }

    fn query(pairs: &[(&str, &str)]) -> TableQuery {
        TableQuery::from_pairs(pairs.iter().copied(), &[])
    }

    #[test]
    fn a_row_knows_its_key() {
        let r = row(1, "laptop", ED25519, "");
        let facts = r.facts.as_ref().expect("a valid key");
        assert_eq!(facts.kind, "ED25519");
        assert_eq!(facts.bits, Some(256));
        // What `ssh-keygen -lf` printed for this key.
        assert_eq!(
            r.fingerprint(),
            Some("SHA256:dDTEzfg4GjYKpqdR7rHUAcyP1WZe6QL9rY/i3tvHyBY")
        );
        assert_eq!(facts.comment.as_deref(), Some("test@example"));
        assert_eq!(facts.summary(), "ED25519 · 256 bits");
        assert_eq!(r.problem, None);
    }

    #[test]
    fn text_that_is_not_a_key_is_a_row_without_facts() {
        for junk in [
            "ssh-rsa AAAA",
            "",
            "hello world",
            "ssh-ed25519 !!!",
            "\u{0}\u{ffff}",
        ] {
            let r = row(2, "bad", junk, "");
            assert_eq!(r.facts, None, "{junk:?}");
            assert!(r.problem.is_some(), "{junk:?}");
            assert_eq!(r.fingerprint(), None);
        }
    }

    #[test]
    fn labels_are_unique_ignoring_case_and_blank_space() {
        let keys = vec![row(1, "Work-Laptop", ED25519, "")];
        let taken = label_problem(" work-laptop ", &keys, None).expect("taken");
        assert!(taken.contains("“Work-Laptop”"), "{taken}");
        // Renaming a key to its own label in other capitals is fine.
        assert_eq!(label_problem("WORK-LAPTOP", &keys, Some(1)), None);
        assert_eq!(label_problem("home", &keys, None), None);
        assert!(label_problem("   ", &keys, None).is_some());
        assert!(label_problem(&"x".repeat(LABEL_MAX + 1), &keys, None).is_some());
        assert_eq!(label_problem(&"é".repeat(LABEL_MAX), &keys, None), None);
        assert!(label_problem("two\nlines", &keys, None).is_some());
        assert_eq!(clean_label("  home pc \n"), "home pc");
    }

    #[test]
    fn an_already_registered_key_is_found_by_fingerprint() {
        let keys = vec![row(1, "a", ED25519, ""), row(2, "junk", "nope", "")];
        let fp = ssh_key::parse(ED25519).unwrap().fingerprint();
        assert_eq!(registered_as(&fp, &keys).map(|k| k.id), Some(1));
        assert!(registered_as("SHA256:other", &keys).is_none());
    }

    #[test]
    fn search_and_sort() {
        let keys = vec![
            row(1, "beta", ED25519, "2025-01-02T00:00:00Z"),
            row(2, "Alpha", ECDSA_256, "2025-03-01T00:00:00Z"),
            row(3, "gamma", "broken", "2024-01-01T00:00:00Z"),
        ];
        let ids = |q: &[(&str, &str)]| -> Vec<u64> {
            shown(&keys, &query(q)).iter().map(|r| r.id).collect()
        };
        assert_eq!(ids(&[]), [2, 1, 3], "by label, ignoring case");
        assert_eq!(ids(&[("dir", "desc")]), [3, 1, 2]);
        assert_eq!(ids(&[("sort", "created")]), [3, 1, 2]);
        assert_eq!(ids(&[("sort", "created"), ("dir", "desc")]), [2, 1, 3]);
        assert_eq!(
            ids(&[("sort", "type")]),
            [3, 2, 1],
            "invalid keys first, then ECDSA, ED25519"
        );
        assert_eq!(ids(&[("q", "ecdsa")]), [2]);
        assert_eq!(ids(&[("q", "test@EXAMPLE")]), [1], "the comment");
        assert_eq!(ids(&[("q", "dDTEzfg4")]), [1], "the fingerprint");
        assert_eq!(ids(&[("q", "GAM")]), [3]);
        assert!(ids(&[("q", "nothing")]).is_empty());
    }

    #[test]
    fn refusals_go_to_their_field() {
        let field = |m: &str| explain(m).map(|(f, _)| f);
        assert_eq!(
            field("An SSH key with this label already exists"),
            Some("label")
        );
        // The simulator's words for a missing field.
        assert_eq!(field("Topic 'label' required"), Some("label"));
        assert_eq!(field("Topic 'key' required"), Some("key"));
        assert_eq!(field("ssh key not found"), None);
        assert_eq!(field("internal error"), None);
        let (_, words) = explain("An SSH key with this label already exists").unwrap();
        assert!(words.starts_with("You already have a key with this label"));
    }
}
