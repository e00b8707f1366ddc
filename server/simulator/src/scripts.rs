//! The cloud-script library (`/scripts`, at most 20 per user) and the checks the create endpoint
//! applies to scripts (one-off text or library id).

use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::{opt_bool, opt_str, JsonBody};
use super::store::Store;

pub const MAX_SCRIPTS: usize = 20;

#[derive(Debug, Clone)]
pub struct Script {
    pub id: u64,
    pub user: String,
    pub title: String,
    pub content: String,
    pub windows: bool,
    pub public: bool,
    pub category: Option<String>,
}

impl Script {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "user": self.user,
            "title": self.title,
            "content": self.content,
            "windows": self.windows,
            "public": self.public,
            "category": self.category,
        })
    }
}

/// PowerShell scripts are recognised by their first line (`#ps1`, `#ps1_sysnative`,
/// `<powershell>`), as the installer does.
pub fn is_powershell(content: &str) -> bool {
    let first = content
        .trim_start()
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    first.starts_with("#ps1") || first.starts_with("<powershell>")
}

/// One-off script rules: no PowerShell on Linux, no relative or home paths (`./x`, `../x`, `~/x`).
pub fn check_one_off(content: &str, windows_server: bool) -> SimResult<()> {
    if is_powershell(content) && !windows_server {
        return Err(SimError::bad(
            "powershell script cannot be used in linux servers",
        ));
    }
    if has_relative_path(content) {
        return Err(SimError::bad("Cannot use relative path in user script"));
    }
    Ok(())
}

/// A path starting a word with `./`, `../` or `~/` (a `./` inside `/usr/./x` does not count).
pub fn has_relative_path(content: &str) -> bool {
    let bytes = content.as_bytes();
    let at_boundary = |i: usize| {
        i == 0
            || matches!(
                bytes[i - 1],
                b' ' | b'\t'
                    | b'\n'
                    | b'\r'
                    | b'"'
                    | b'\''
                    | b'='
                    | b'>'
                    | b'<'
                    | b';'
                    | b'('
                    | b'|'
                    | b'&'
                    | b'`'
            )
    };
    ["./", "../", "~/"]
        .iter()
        .any(|pattern| content.match_indices(pattern).any(|(i, _)| at_boundary(i)))
}

/// `NAME="value"` lines separated by `\n`; blank lines are tolerated.
pub fn check_env(env: &str) -> SimResult<()> {
    let valid = env
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .all(|line| {
            let Some((name, value)) = line.trim_end_matches('\r').split_once('=') else {
                return false;
            };
            let mut chars = name.chars();
            let name_ok = chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
            name_ok && value_ok(value)
        });
    if valid {
        Ok(())
    } else {
        Err(SimError::bad("Invalid env variable format"))
    }
}

/// A value is either quoted as a whole (no quote of the same kind inside) or a single word: two
/// assignments on one line (a missing `\n`) are refused.
fn value_ok(value: &str) -> bool {
    for quote in ['"', '\''] {
        if let Some(rest) = value.strip_prefix(quote) {
            return rest
                .strip_suffix(quote)
                .is_some_and(|inner| !inner.contains(quote));
        }
    }
    !value.contains(char::is_whitespace) && !value.contains(['"', '\''])
}

fn script_id(raw: &str) -> SimResult<u64> {
    raw.parse()
        .map_err(|_| SimError::not_found("script not found"))
}

/// `GET /scripts`.
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let scripts: Vec<Value> = world
        .account(&caller.username)?
        .scripts
        .iter()
        .map(Script::to_json)
        .collect();
    Ok(Json(json!({ "status": "ok", "scripts": scripts })))
}

/// `GET /scripts/{id}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = script_id(&id)?;
    let (world, _) = store.lock();
    let account = world.account(&caller.username)?;
    let script = account
        .scripts
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| SimError::not_found("script not found"))?;
    Ok(Json(json!({ "status": "ok", "script": script.to_json() })))
}

/// `POST /scripts {title, content, windows}`.
pub async fn create(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let title = opt_str(&body, "title")?.filter(|t| !t.trim().is_empty());
    let title = title.ok_or_else(|| SimError::bad("Error title cant be null"))?;
    let content = opt_str(&body, "content")?.filter(|c| !c.trim().is_empty());
    let content = content.ok_or_else(|| SimError::bad("Error content cant be null"))?;
    let windows = opt_bool(&body, "windows")?.unwrap_or(false);
    let (mut world, now) = store.lock();
    if world.account(&caller.username)?.scripts.len() >= MAX_SCRIPTS {
        return Err(SimError::bad(
            "Error can't have more then 20 scripts remove a script before try to create another",
        ));
    }
    world.next.script += 1;
    let script = Script {
        id: world.next.script,
        user: caller.username.clone(),
        title,
        content,
        windows,
        public: false,
        category: None,
    };
    let answer = script.to_json();
    world.account_mut(&caller.username)?.scripts.push(script);
    world.log(
        &caller.username,
        now,
        "Create script",
        &caller.username,
        None,
    );
    Ok(Json(json!({ "status": "ok", "script": answer })))
}

/// `PUT|PATCH /scripts/{id}`: every field optional.
pub async fn update(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = script_id(&id)?;
    let title = opt_str(&body, "title")?;
    let content = opt_str(&body, "content")?;
    let windows = opt_bool(&body, "windows")?;
    if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(SimError::bad("Error title cant be null"));
    }
    if content.as_deref().is_some_and(|c| c.trim().is_empty()) {
        return Err(SimError::bad("Error content cant be null"));
    }
    let (mut world, _) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let script = account
        .scripts
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| SimError::not_found("script not found"))?;
    if let Some(title) = title {
        script.title = title;
    }
    if let Some(content) = content {
        script.content = content;
    }
    if let Some(windows) = windows {
        script.windows = windows;
    }
    Ok(Json(json!({ "status": "ok", "script": script.to_json() })))
}

/// `DELETE /scripts/{id}`.
pub async fn delete(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = script_id(&id)?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let before = account.scripts.len();
    account.scripts.retain(|s| s.id != id);
    if account.scripts.len() == before {
        return Err(SimError::not_found("script not found"));
    }
    Ok(Json(json!({ "status": "ok" })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_found_only_at_word_starts() {
        assert!(has_relative_path("#!/bin/bash\n./install.sh"));
        assert!(has_relative_path("cd ../app"));
        assert!(has_relative_path("echo hi > ~/out.txt"));
        assert!(has_relative_path("FILE=./x"));
        assert!(!has_relative_path("#!/bin/bash\necho ok > /root/out.txt"));
        assert!(!has_relative_path("ls /usr/./bin"));
    }

    #[test]
    fn env_lines_need_a_name_and_an_equals_sign() {
        assert!(check_env("NAME=\"bob\"\nWORK=\"seeweb\"").is_ok());
        assert!(check_env("NAME=bob").is_ok());
        assert!(check_env("NAME bob").is_err());
        assert!(check_env("1X=3").is_err());
        assert!(check_env("NAME=\"bob\" WORK=\"x\"").is_err());
        assert!(check_env("NAME=\"bob\"\\nWORK=\"x\"").is_err());
    }
}
