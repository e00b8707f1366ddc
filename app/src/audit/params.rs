//! A server function's parameters as the audit log keeps them: the form fields it was sent,
//! secrets replaced, long values cut.

use serde_json::{Map, Value};

/// Fields whose values are never written down: passwords, tokens, the values of script and
/// server environment variables, a group's password.
fn is_secret(key: &str) -> bool {
    // `draft[env][0][value]` → draft, env, 0, value: a secret anywhere in the path hides it.
    key.to_ascii_lowercase()
        .split(['[', ']'])
        .filter(|seg| !seg.is_empty())
        .any(|seg| {
            matches!(seg, "env" | "secret" | "current" | "new" | "confirm")
                || seg.contains("password")
                || seg.contains("token")
        })
}

/// At most this many fields and characters a value are kept.
const MAX_FIELDS: usize = 40;
const MAX_VALUE: usize = 200;

/// The form-encoded `body` as a JSON object (field → value), secrets as `"(hidden)"`.
pub fn from_form(body: &[u8]) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in url::form_urlencoded::parse(body).take(MAX_FIELDS) {
        let value = if is_secret(&k) {
            "(hidden)".to_string()
        } else if v.chars().count() > MAX_VALUE {
            format!("{}…", v.chars().take(MAX_VALUE).collect::<String>())
        } else {
            v.into_owned()
        };
        out.insert(k.into_owned(), Value::String(value));
    }
    out
}

/// What the operation acted on: the first of `keys` present in the parameters, joined by " / "
/// when several are.
pub fn resource(params: &Map<String, Value>, keys: &[&str]) -> String {
    keys.iter()
        .filter_map(|k| params.get(*k).and_then(Value::as_str))
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_hidden_and_the_rest_kept() {
        let body = b"name=ec200401&on=false&current=Old-pass-1&new=New-pass-2&confirm=New-pass-2\
&draft[env][0][value]=s3cr3t&form[env][0][value]=x&password=p&form[name]=web";
        let p = from_form(body);
        assert_eq!(p["name"], "ec200401");
        assert_eq!(p["on"], "false");
        assert_eq!(p["form[name]"], "web");
        for k in [
            "current",
            "new",
            "confirm",
            "draft[env][0][value]",
            "form[env][0][value]",
            "password",
        ] {
            assert_eq!(p[k], "(hidden)", "{k}");
        }
        let text = serde_json::to_string(&p).unwrap();
        assert!(
            !text.contains("s3cr3t") && !text.contains("Old-pass-1"),
            "{text}"
        );
        assert_eq!(resource(&p, &["name", "snapshot"]), "ec200401");
    }

    #[test]
    fn long_values_are_cut() {
        let body = format!("key={}", "A".repeat(500));
        let p = from_form(body.as_bytes());
        assert_eq!(p["key"].as_str().unwrap().chars().count(), MAX_VALUE + 1);
    }
}
