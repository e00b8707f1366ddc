//! The cloud-script library (at most 20 per user) and the rules scripts must follow at server
//! creation (one-off text or library id).

use crate::world::error::{SimError, SimResult};
use crate::world::records::record;

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

record! { Script => "script" }

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
