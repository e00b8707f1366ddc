//! Every language has every key: a word added in English and forgotten in Italian (or the other way)
//! fails here, with the keys named, instead of showing as a blank in one language's pages.
//! leptos_i18n only warns at build time; this makes it an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

const LOCALES: &[&str] = &["en", "it"];

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// `namespace.key.sub` → the text, for one language.
fn flatten(locale: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let dir = locales_dir().join(locale);
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        let ns = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("a readable locale file");
        let json: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        walk(&ns, &json, &mut out);
    }
    out
}

fn walk(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                walk(&format!("{prefix}.{k}"), v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: expected text, found {other}"),
    }
}

/// The `{{ name }}` placeholders a text interpolates, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(n, _)| n.trim().to_string()))
        .collect();
    names.sort();
    names
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let all: Vec<(&str, BTreeMap<String, String>)> =
        LOCALES.iter().map(|l| (*l, flatten(l))).collect();
    let (base_name, base) = &all[0];
    assert!(
        base.len() > 50,
        "the English words were not found ({} keys)",
        base.len()
    );
    let mut problems = Vec::new();
    for (name, words) in &all {
        for (key, text) in words {
            if text.trim().is_empty() {
                problems.push(format!("{name}: {key} is empty"));
            }
        }
        if name == base_name {
            continue;
        }
        for key in base.keys().filter(|k| !words.contains_key(*k)) {
            problems.push(format!("{name}: missing {key}"));
        }
        for key in words.keys().filter(|k| !base.contains_key(*k)) {
            problems.push(format!("{base_name}: missing {key} (only in {name})"));
        }
        for (key, text) in words {
            if let Some(en) = base.get(key) {
                if placeholders(en) != placeholders(text) {
                    problems.push(format!(
                        "{name}: {key} uses {:?}, {base_name} uses {:?}",
                        placeholders(text),
                        placeholders(en)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "locale files disagree:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_locale_file_is_a_namespace_the_build_knows() {
    let build = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
        .expect("build.rs");
    for locale in LOCALES {
        for entry in std::fs::read_dir(locales_dir().join(locale)).expect("a locale folder") {
            let path = entry.expect("an entry").path();
            let ns = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a name")
                .to_string();
            assert!(
                build.contains(&format!("\"{ns}\"")),
                "{locale}/{ns}.json is not in build.rs's NAMESPACES"
            );
        }
    }
}
