//! Strict checks on every id that becomes part of an upstream URL path, made before any
//! request: `..`, `/`, `%`, spaces or an empty id could otherwise reach another endpoint.
//! The shapes are the documented ones (servers `ec200410`, templates `ei100006` or `9`, groups
//! `eg100001`, `eg-000001` or `2`, snapshots `104` or `ec200409-SNP-1`, networks `net000015`,
//! VLANs `100` or `1-99`, numeric key, script and action ids).

use super::error::EcsError;

/// Longest id we accept; real ones are ~8–20 characters.
const MAX_LEN: usize = 40;

fn lower_alnum(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit())
}

fn check(ok: bool, id: &str) -> Result<&str, EcsError> {
    if ok && id.len() <= MAX_LEN {
        Ok(id)
    } else {
        Err(EcsError::InvalidId)
    }
}

/// `ec` + lowercase letters/digits (`ec200410`).
pub fn server_name(id: &str) -> Result<&str, EcsError> {
    check(id.strip_prefix("ec").is_some_and(lower_alnum), id)
}

/// A template name (`ei…`) or its numeric id.
pub fn template_ref(id: &str) -> Result<&str, EcsError> {
    check(
        digits(id) || id.strip_prefix("ei").is_some_and(lower_alnum),
        id,
    )
}

/// A group name (`eg100001`; the docs also print `eg-000001`) or its numeric id.
pub fn group_ref(id: &str) -> Result<&str, EcsError> {
    let named = id
        .strip_prefix("eg")
        .map(|rest| rest.strip_prefix('-').unwrap_or(rest))
        .is_some_and(lower_alnum);
    check(digits(id) || named, id)
}

/// A numeric id (SSH keys, scripts, actions).
pub fn numeric(id: &str) -> Result<&str, EcsError> {
    check(digits(id), id)
}

/// A snapshot's numeric id, or its name `<server>-SNP-<n>`.
pub fn snapshot_ref(id: &str) -> Result<&str, EcsError> {
    let named = id
        .split_once("-SNP-")
        .is_some_and(|(server, n)| server_name(server).is_ok() && digits(n));
    check(digits(id) || named, id)
}

/// A network name: `net` + digits (`net000015`).
pub fn network_name(id: &str) -> Result<&str, EcsError> {
    check(id.strip_prefix("net").is_some_and(digits), id)
}

/// A VLAN id (1–4094) or a range of them (`10-20`), as the VLAN paths take it.
pub fn vlan_ref(id: &str) -> Result<&str, EcsError> {
    let ok = |s: &str| digits(s) && s.len() <= 4;
    let (a, b) = id.split_once('-').unwrap_or((id, id));
    check(ok(a) && ok(b), id)
}

/// A resource filter for `GET /actions` (goes in the query, but kept just as strict):
/// letters, digits, `-` and `_`.
pub fn resource_filter(id: &str) -> Result<&str, EcsError> {
    check(
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &[&str] = &[
        "",
        "..",
        ".",
        "ec..",
        "ec200410/..",
        "ec200410/../login",
        "../login",
        "ec%2e%2e",
        "ec200410%2F",
        "ec 1",
        "ec\n1",
        "ec200410?x=1",
        "ec200410#f",
        "EC200410",
        "ec",
        "ec-1",
        "ecé1",
    ];

    #[test]
    fn hostile_ids_are_refused_everywhere() {
        for bad in HOSTILE {
            assert!(server_name(bad).is_err(), "server {bad:?}");
            assert!(template_ref(bad).is_err(), "template {bad:?}");
            assert!(group_ref(bad).is_err(), "group {bad:?}");
            assert!(numeric(bad).is_err(), "numeric {bad:?}");
            assert!(snapshot_ref(bad).is_err(), "snapshot {bad:?}");
        }
        assert!(resource_filter("a&b=c").is_err());
        assert!(server_name(&format!("ec{}", "1".repeat(60))).is_err());
        assert!(numeric("12345678901234567890").is_err());
    }

    #[test]
    fn documented_shapes_pass() {
        for ok in ["ec200410", "ec000001", "ecs000001", "ec205827"] {
            assert_eq!(server_name(ok), Ok(ok));
        }
        for ok in ["ei100006", "ei000001", "9", "2"] {
            assert_eq!(template_ref(ok), Ok(ok));
        }
        for ok in ["eg100001", "eg-000001", "2"] {
            assert_eq!(group_ref(ok), Ok(ok));
        }
        for ok in ["104", "ec200409-SNP-1", "ec200404-SNP-6"] {
            assert_eq!(snapshot_ref(ok), Ok(ok));
        }
        assert_eq!(numeric("0"), Ok("0"));
        assert!(snapshot_ref("ec200409-SNP-").is_err());
        assert!(snapshot_ref("x-SNP-1").is_err());
        assert!(template_ref("ec200410").is_err());
        assert_eq!(
            resource_filter("ec200322-net000022"),
            Ok("ec200322-net000022")
        );
    }
}
