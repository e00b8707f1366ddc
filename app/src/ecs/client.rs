//! `EcsClient`: one shared connection pool, strict timeouts, no redirects, typed errors.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{
    HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER,
};
use reqwest::{Method, StatusCode, Url};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::error::{envelope_failure, message_from_body, parse_retry_after, EcsError};

/// The largest successful body we read; beyond it the answer is refused as malformed.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Error bodies only feed a short message: read at most this much of them.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// Timeouts and identity of the HTTP client.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Time allowed to open a connection (TCP + TLS).
    pub connect_timeout: Duration,
    /// Time allowed for a whole call, connection to last body byte.
    pub timeout: Duration,
    pub user_agent: String,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(3),
            timeout: Duration::from_secs(15),
            user_agent: format!("ecs-panel/{}", crate::VERSION),
        }
    }
}

/// How a call authenticates. Debug prints `[REDACTED]` for the secret.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A JWT from `POST /login`, sent as `Authorization: Bearer …`.
    Bearer(SecretString),
    /// A long-lived API token, sent as `X-APITOKEN: …`.
    ApiToken(SecretString),
}

impl Credential {
    fn header(&self) -> Result<(HeaderName, HeaderValue), EcsError> {
        let (name, value) = match self {
            Self::Bearer(t) => (
                AUTHORIZATION,
                format!("Bearer {}", t.expose_secret().trim()),
            ),
            Self::ApiToken(t) => (
                HeaderName::from_static("x-apitoken"),
                t.expose_secret().trim().to_string(),
            ),
        };
        // A token that cannot be a header value (newline, non-ASCII) can never be valid.
        let mut value = HeaderValue::from_str(&value).map_err(|_| EcsError::Unauthorized)?;
        // Sensitive: hyper leaves it out of HPACK tables, reqwest out of Debug output.
        value.set_sensitive(true);
        Ok((name, value))
    }
}

/// The typed client. `Clone` is cheap: clones share one connection pool.
#[derive(Clone)]
pub struct EcsClient {
    http: reqwest::Client,
    base: Arc<Url>,
    /// The short-lived server-list copies (see [`super::list_cache`]); none in tests that want
    /// every read to reach the API.
    pub(super) lists: Option<Arc<super::list_cache::ListCache>>,
}

impl fmt::Debug for EcsClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcsClient").finish_non_exhaustive()
    }
}

/// The pieces of one upstream call.
pub(super) struct Call<'a> {
    /// The endpoint's name for logs and error details (never the URL).
    pub(super) name: &'static str,
    pub(super) method: Method,
    pub(super) path: &'a [&'a str],
    pub(super) query: &'a [(&'static str, String)],
    pub(super) body: Option<Vec<u8>>,
    pub(super) auth: Option<&'a Credential>,
}

impl EcsClient {
    /// `base_url` is the API root, e.g. `https://api.seeweb.it/ecs/v2` (a trailing slash is fine).
    /// The API root without a trailing slash, as people write it (`https://api.seeweb.it/ecs/v2`).
    pub fn base_url(&self) -> String {
        self.base.as_str().trim_end_matches('/').to_string()
    }

    pub fn new(base_url: &str, opts: ClientOptions) -> Result<Self, EcsError> {
        let bad_base = || EcsError::Malformed {
            detail: "the ECS base URL must be an absolute http(s) URL without credentials"
                .to_string(),
        };
        let mut base = Url::parse(base_url.trim()).map_err(|_| bad_base())?;
        if !matches!(base.scheme(), "http" | "https")
            || base.cannot_be_a_base()
            || base.host_str().is_none()
            || !base.username().is_empty()
            || base.password().is_some()
        {
            return Err(bad_base());
        }
        base.set_query(None);
        base.set_fragment(None);
        base.path_segments_mut()
            .map_err(|_| bad_base())?
            .pop_if_empty();
        let http = reqwest::Client::builder()
            // Following a redirect would forward X-APITOKEN to wherever it points.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.timeout)
            .user_agent(opts.user_agent)
            .build()
            .map_err(|_| EcsError::Malformed {
                detail: "the HTTP client could not be set up".to_string(),
            })?;
        Ok(Self {
            http,
            base: Arc::new(base),
            lists: None,
        })
    }

    /// Keeps short-lived copies of each account's server list, current across the replicas that
    /// share `shared`.
    pub fn with_list_cache(mut self, shared: Arc<dyn crate::shared_state::SharedState>) -> Self {
        self.lists = Some(Arc::new(super::list_cache::ListCache::new(shared)));
        self
    }

    // ---------------------------------------------------------------- plumbing

    pub(super) async fn get(
        &self,
        cred: &Credential,
        name: &'static str,
        path: &[&str],
        query: &[(&'static str, String)],
    ) -> Result<Value, EcsError> {
        let answer = self.get_body(cred, name, path, query).await?;
        success_value(name, answer.status, &answer.body)
    }

    /// A GET's 2xx answer, unparsed (for [`super::fast_list`]); a failed read is tried once more.
    pub(super) async fn get_body(
        &self,
        cred: &Credential,
        name: &'static str,
        path: &[&str],
        query: &[(&'static str, String)],
    ) -> Result<Answer, EcsError> {
        let call = || Call {
            name,
            method: Method::GET,
            path,
            query,
            body: None,
            auth: Some(cred),
        };
        match self.exchange(call()).await {
            // Reads only: a create, delete or power action sent twice could happen twice.
            Err(e) => match read_retry_delay(&e) {
                Some(wait) => {
                    tracing::debug!(endpoint = name, "retrying a read once");
                    tokio::time::sleep(wait).await;
                    self.exchange(call()).await
                }
                None => Err(e),
            },
            ok => ok,
        }
    }

    pub(super) async fn delete(
        &self,
        cred: &Credential,
        name: &'static str,
        path: &[&str],
    ) -> Result<Value, EcsError> {
        self.run(Call {
            name,
            method: Method::DELETE,
            path,
            query: &[],
            body: None,
            auth: Some(cred),
        })
        .await
    }

    /// A call with a JSON body. A PUT refused with 405 is retried once as PATCH: the docs say
    /// PUT for templates, scripts and keys, the SDK says PATCH.
    pub(super) async fn send(
        &self,
        cred: &Credential,
        name: &'static str,
        method: Method,
        path: &[&str],
        body: Vec<u8>,
    ) -> Result<Value, EcsError> {
        let is_put = method == Method::PUT;
        let first = self
            .run(Call {
                name,
                method,
                path,
                query: &[],
                body: Some(body.clone()),
                auth: Some(cred),
            })
            .await;
        match first {
            Err(EcsError::Rejected { status: 405, .. }) if is_put => {
                self.run(Call {
                    name,
                    method: Method::PATCH,
                    path,
                    query: &[],
                    body: Some(body),
                    auth: Some(cred),
                })
                .await
            }
            other => other,
        }
    }

    fn url(&self, path: &[&str], query: &[(&'static str, String)]) -> Result<Url, EcsError> {
        let mut url = (*self.base).clone();
        // Segments are percent-encoded one by one: user text never becomes path syntax.
        url.path_segments_mut()
            .map_err(|_| EcsError::InvalidId)?
            .extend(path);
        if !query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        Ok(url)
    }

    /// Sends one request and returns the checked JSON of a 2xx answer.
    pub(super) async fn run(&self, call: Call<'_>) -> Result<Value, EcsError> {
        let name = call.name;
        let answer = self.exchange(call).await?;
        success_value(name, answer.status, &answer.body)
    }

    /// Sends one request. Anything but a read may have changed the account, whatever the answer
    /// (a timeout included): its server-list copy goes.
    async fn exchange(&self, call: Call<'_>) -> Result<Answer, EcsError> {
        let changed = match (&self.lists, call.auth) {
            (Some(_), Some(cred)) if call.method != Method::GET => {
                Some(super::list_cache::account_key(cred))
            }
            _ => None,
        };
        let answer = self.exchange_once(call).await;
        if let (Some(lists), Some(account)) = (&self.lists, changed) {
            lists.forget(&account).await;
        }
        answer
    }

    /// Sends one request: a 2xx answer's status and body, or the error any other answer means.
    async fn exchange_once(&self, call: Call<'_>) -> Result<Answer, EcsError> {
        let url = self.url(call.path, call.query)?;
        let mut req = self
            .http
            .request(call.method.clone(), url)
            .header(ACCEPT, "application/json");
        if let Some(cred) = call.auth {
            let (name, value) = cred.header()?;
            req = req.header(name, value);
        }
        if let Some(body) = call.body {
            req = req.header(CONTENT_TYPE, "application/json").body(body);
        }
        let started = Instant::now();
        let resp = req
            .send()
            .await
            .map_err(|e| transport_error(call.name, &e))?;
        let status = resp.status();
        // Endpoint name and status only: the URL (ids, query) and bodies stay out of logs.
        tracing::debug!(
            endpoint = call.name,
            method = %call.method,
            status = status.as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "ECS call"
        );
        if status.is_success() {
            let body = read_body(resp, MAX_BODY_BYTES)
                .await
                .map_err(|e| e.into_error(call.name))?;
            return Ok(Answer { status, body });
        }
        if status.is_redirection() {
            tracing::warn!(
                endpoint = call.name,
                status = status.as_u16(),
                "ECS redirect not followed"
            );
            return Err(EcsError::Malformed {
                detail: format!(
                    "{}: unexpected redirect (HTTP {})",
                    call.name,
                    status.as_u16()
                ),
            });
        }
        let header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header(RETRY_AFTER).as_deref().and_then(parse_retry_after);
        let content_type = header(CONTENT_TYPE);
        // Best effort: an error body that cannot be read just has no message.
        let body = read_body(resp, MAX_ERROR_BODY_BYTES)
            .await
            .unwrap_or_default();
        let message = message_from_body(&body, content_type.as_deref());
        Err(status_error(status, message, retry_after))
    }
}

/// The longest `Retry-After` a read waits out before its one retry; longer ones go back to the
/// user as "try again in N s".
const MAX_RETRY_AFTER_SECS: u64 = 2;

/// Whether a failed read is worth one more try, and after how long: a gateway error, an
/// unavailable or rate-limited upstream, a refused connection. Never after a timeout (the user
/// already waited the whole budget) or an answer about the request itself.
fn read_retry_delay(e: &EcsError) -> Option<Duration> {
    match e {
        EcsError::Unavailable {
            retry_after: Some(secs),
            ..
        } => (*secs <= MAX_RETRY_AFTER_SECS).then(|| Duration::from_secs(*secs)),
        EcsError::Unavailable {
            retry_after: None, ..
        } => Some(Duration::from_millis(100)),
        EcsError::Rejected { status, .. } if *status >= 500 => Some(Duration::from_millis(100)),
        // A read is safe to send again after a broken connection.
        EcsError::Interrupted => Some(Duration::from_millis(100)),
        _ => None,
    }
}

/// Maps an HTTP error status to an `EcsError`.
pub(crate) fn status_error(
    status: StatusCode,
    message: Option<String>,
    retry_after: Option<u64>,
) -> EcsError {
    match status.as_u16() {
        401 => EcsError::Unauthorized,
        403 => match message {
            Some(message) => EcsError::Rejected {
                status: 403,
                message,
            },
            None => EcsError::Unauthorized,
        },
        404 => EcsError::NotFound { message },
        408 => EcsError::Timeout,
        code @ (429 | 502 | 503 | 504) => EcsError::Unavailable {
            status: Some(code),
            retry_after,
        },
        code => EcsError::Rejected {
            status: code,
            message: message.unwrap_or_default(),
        },
    }
}

/// A reqwest error reduced to its kind: its Display would carry the URL.
fn transport_error(endpoint: &'static str, e: &reqwest::Error) -> EcsError {
    let kind = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else if e.is_body() || e.is_decode() {
        "body"
    } else if e.is_builder() {
        "builder"
    } else {
        "request"
    };
    tracing::warn!(endpoint, kind, "ECS transport error");
    match kind {
        "timeout" => EcsError::Timeout,
        "builder" => EcsError::Malformed {
            detail: format!("{endpoint}: the request could not be built"),
        },
        // Nothing reached ECS.
        "connect" => EcsError::Unavailable {
            status: None,
            retry_after: None,
        },
        // Sent (at least in part), then the connection broke: ECS may have acted on it.
        _ => EcsError::Interrupted,
    }
}

/// A 2xx answer as it came.
pub(super) struct Answer {
    pub status: StatusCode,
    pub body: Vec<u8>,
}

enum ReadError {
    TooLarge,
    Transport(reqwest::Error),
}

impl ReadError {
    fn into_error(self, endpoint: &'static str) -> EcsError {
        match self {
            Self::TooLarge => EcsError::Malformed {
                detail: format!(
                    "{endpoint}: the answer is larger than {} MiB",
                    MAX_BODY_BYTES / (1024 * 1024)
                ),
            },
            Self::Transport(e) => transport_error(endpoint, &e),
        }
    }
}

/// Reads at most `cap` bytes; a bigger body (announced or actual) is `TooLarge`.
async fn read_body(mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, ReadError> {
    let announced = resp
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|len| len > cap as u64) {
        return Err(ReadError::TooLarge);
    }
    let mut buf = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(ReadError::Transport)? {
        if buf.len() + chunk.len() > cap {
            return Err(ReadError::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// The JSON of a 2xx answer; an empty body counts as `{}` (204, bare DELETEs). A `status` that
/// is not a success word makes it an error.
pub(crate) fn success_value(
    endpoint: &'static str,
    status: StatusCode,
    body: &[u8],
) -> Result<Value, EcsError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    let v: Value = serde_json::from_slice(body).map_err(|_| {
        let first = body.iter().find(|b| !b.is_ascii_whitespace());
        let what = if first == Some(&b'<') {
            "an HTML page instead of JSON"
        } else {
            "not valid JSON"
        };
        EcsError::Malformed {
            detail: format!("{endpoint}: the answer is {what}"),
        }
    })?;
    if let Some(message) = envelope_failure(&v) {
        return Err(EcsError::Rejected {
            status: status.as_u16(),
            message,
        });
    }
    Ok(v)
}

pub(super) fn to_body<T: Serialize + ?Sized>(
    endpoint: &'static str,
    value: &T,
) -> Result<Vec<u8>, EcsError> {
    serde_json::to_vec(value).map_err(|_| EcsError::Malformed {
        detail: format!("{endpoint}: the request could not be encoded"),
    })
}

/// Reasons from our own tolerant readers; they never quote the payload.
const OWN_REASONS: &[&str] = &[
    "missing field",
    "id is not",
    "name is empty",
    "expire is not",
    "host server without",
];

pub(super) fn decode<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
) -> Result<T, EcsError> {
    T::deserialize(v).map_err(|e| {
        // serde's other messages quote payload text (`invalid type: string "…"`): dropped.
        let reason = e.to_string();
        let reason = if OWN_REASONS.iter().any(|r| reason.starts_with(r)) {
            reason
        } else {
            "unexpected shape".to_string()
        };
        EcsError::Malformed {
            detail: format!("{endpoint}: {reason}"),
        }
    })
}

/// The value under the first of `keys` that is present and not null.
pub(super) fn field<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    keys: &[&str],
) -> Result<T, EcsError> {
    match keys.iter().find_map(|k| v.get(*k).filter(|x| !x.is_null())) {
        Some(inner) => decode(endpoint, inner),
        None => Err(EcsError::Malformed {
            detail: format!(
                "{endpoint}: missing field `{}`",
                keys.first().copied().unwrap_or_default()
            ),
        }),
    }
}

/// A list under one of `keys`; null counts as empty, a missing key is malformed.
pub(super) fn list<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    keys: &[&str],
) -> Result<Vec<T>, EcsError> {
    if keys.iter().any(|k| v.get(*k).is_some_and(Value::is_null)) {
        return Ok(Vec::new());
    }
    field(endpoint, v, keys)
}

/// The value under `key` when present, else None (answers that sometimes carry only `status`).
pub(super) fn field_opt<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    key: &str,
) -> Result<Option<T>, EcsError> {
    match v.get(key).filter(|x| !x.is_null()) {
        Some(inner) => decode(endpoint, inner).map(Some),
        None => Ok(None),
    }
}

/// The object under `key` (`{status, script: {…}}`), or the whole answer when it is bare.
pub(super) fn field_or_whole<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    key: &str,
) -> Result<T, EcsError> {
    match v.get(key) {
        Some(inner @ Value::Object(_)) => decode(endpoint, inner),
        _ => decode(endpoint, v),
    }
}
