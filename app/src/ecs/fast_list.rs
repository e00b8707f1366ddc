//! Large lists read straight from the bytes. `GET /servers` answers the whole account (623 KB for
//! 1,000 servers); building a JSON tree first and then the typed list from it cost about 3 ms of the
//! panel's 10 ms for such a page. The fast path decodes the typed list in one pass and gives up
//! (`None`) on anything unusual, so every error keeps coming from the general path
//! ([`super::client::success_value`] and [`super::client::list`]), with the same words.

use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_json::Value;

use super::error::is_success_word;

/// `{status?, server?: [..] | null, servers?: [..] | null}`; other fields are skipped.
#[derive(serde::Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct Envelope<T> {
    #[serde(default)]
    status: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    server: Option<Option<Vec<T>>>,
    #[serde(default, deserialize_with = "present")]
    servers: Option<Option<Vec<T>>>,
}

/// A field that is there, even as null (`Some(None)`), apart from one that is missing (`None`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// The list under `server` (or `servers`) of a successful answer, as [`super::client::list`]
/// reads it (null is empty); `None` whenever the general path should look.
pub(crate) fn servers<T: DeserializeOwned>(body: &[u8]) -> Option<Vec<T>> {
    let envelope: Envelope<T> = serde_json::from_slice(body).ok()?;
    let ok = match &envelope.status {
        None => true,
        Some(Value::String(s)) => is_success_word(s),
        Some(Value::Bool(b)) => *b,
        Some(_) => true,
    };
    if !ok {
        return None;
    }
    match (envelope.server, envelope.servers) {
        (Some(None), _) | (_, Some(None)) => Some(Vec::new()),
        (Some(Some(list)), _) | (None, Some(Some(list))) => Some(list),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs::client::{list, success_value};
    use crate::ecs::dto::Server;
    use reqwest::StatusCode;

    /// One server, in the smallest form the API sends.
    const ONE: &str = r#"{"name":"ec200401","plan":"eCS1","location":"it-fr2"}"#;

    /// What the general path makes of `body`: the list, or the error's words.
    fn general(body: &str) -> Result<Vec<String>, String> {
        let v = success_value("list_servers", StatusCode::OK, body.as_bytes())
            .map_err(|e| e.to_string())?;
        list::<Server>("list_servers", &v, &["server", "servers"])
            .map(|l| l.into_iter().map(|s| s.name).collect())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn agrees_with_the_general_path_and_takes_the_usual_answers_itself() {
        let one = ONE;
        // (answer, whether it is a usual one the fast path must take itself)
        for (body, usual) in [
            (format!(r#"{{"status":"ok","server":[{one}]}}"#), true),
            (format!(r#"{{"servers":[{one},{one}]}}"#), true),
            (r#"{"status":"ok","server":null}"#.to_string(), true),
            (r#"{"status":"ok","server":[]}"#.to_string(), true),
            (
                r#"{"status":"ok","servers":null,"server":[1]}"#.to_string(),
                false,
            ),
            (
                r#"{"status":"error","message":"nope","server":[]}"#.to_string(),
                false,
            ),
            (r#"{"status":"ok"}"#.to_string(), false),
            (r#"{"status":"ok","server":7}"#.to_string(), false),
            (
                r#"{"status":"ok","server":[{"plan":"x"}]}"#.to_string(),
                false,
            ),
            ("<html></html>".to_string(), false),
            (r#"{"status":"ok","server":[{"#.to_string(), false),
        ] {
            let fast = servers::<Server>(body.as_bytes())
                .map(|l| l.into_iter().map(|s| s.name).collect::<Vec<_>>());
            assert!(!usual || fast.is_some(), "fast path gave up on {body}");
            // `None` hands the body to the general path, whose answer stands.
            if let Some(names) = fast {
                assert_eq!(Ok(names), general(&body), "{body}");
            }
        }
    }
}
