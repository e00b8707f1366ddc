//! The harness of the API tests: `Sim` starts a simulator on 127.0.0.1:0 (a manual clock unless
//! the test's `SimConfig` says otherwise) and talks to it over real HTTP with `reqwest`, as the
//! demo account unless a token is given; `Reply` is an answer reduced to what tests look at.

use ecs_simulator::{SimConfig, SimHandle};
use reqwest::Method;
use serde_json::Value;

pub use ecs_simulator::{ALICE_API_TOKEN as ALICE, DEMO_API_TOKEN as DEMO};

pub struct Sim {
    pub handle: SimHandle,
    pub client: reqwest::Client,
}

/// A response reduced to what tests look at.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub json: Value,
}

impl Reply {
    /// The `message` of an error body.
    pub fn message(&self) -> &str {
        self.json["message"].as_str().unwrap_or("")
    }

    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(
            self.status, 200,
            "expected 200, got {}: {}",
            self.status, self.text
        );
        &self.json
    }

    #[track_caller]
    pub fn error(&self, status: u16, message: &str) {
        assert_eq!(self.status, status, "unexpected status: {}", self.text);
        assert_eq!(
            self.json["status"], "error",
            "not an error body: {}",
            self.text
        );
        assert_eq!(self.message(), message, "unexpected message: {}", self.text);
    }
}

impl Sim {
    pub async fn start() -> Self {
        Self::start_with(SimConfig::for_tests()).await
    }

    pub async fn legacy() -> Self {
        Self::start_with(SimConfig {
            legacy_forms: true,
            ..SimConfig::for_tests()
        })
        .await
    }

    pub async fn start_with(config: SimConfig) -> Self {
        let handle = ecs_simulator::spawn(config)
            .await
            .expect("simulator starts");
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .expect("client");
        Self { handle, client }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.handle.base_url(), path)
    }

    pub fn advance(&self, seconds: f64) {
        self.handle.advance(seconds);
    }

    /// Any request with an `X-APITOKEN` (or none when `token` is empty).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path));
        if !token.is_empty() {
            req = req.header("X-APITOKEN", token);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        Self::reply(req.send().await.expect("request reaches the simulator")).await
    }

    pub async fn reply(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            text,
            json,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, DEMO, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, DEMO, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, DEMO, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, DEMO, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.call(Method::DELETE, path, DEMO, None).await
    }

    /// A call to the control API (`/__sim/...`).
    pub async fn admin(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.handle.admin_url(), path));
        if let Some(body) = body {
            req = req.json(&body);
        }
        Self::reply(req.send().await.expect("admin request")).await
    }

    /// Logs in with JSON and returns the JWT.
    pub async fn login(&self, username: &str, password: &str) -> String {
        let reply = Self::reply(
            self.client
                .post(self.url("/login"))
                .json(&serde_json::json!({ "username": username, "password": password }))
                .send()
                .await
                .expect("login request"),
        )
        .await;
        reply.ok()["token"].as_str().expect("token").to_string()
    }

    pub async fn get_bearer(&self, path: &str, jwt: &str) -> Reply {
        Self::reply(
            self.client
                .get(self.url(path))
                .bearer_auth(jwt)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    /// Creates a server and returns (name, action id).
    pub async fn create(&self, body: Value) -> (String, u64) {
        let reply = self.post("/servers", body).await;
        let json = reply.ok();
        let name = json["server"]["name"]
            .as_str()
            .expect("server name")
            .to_string();
        let action = json["action_id"]
            .as_u64()
            .or_else(|| json["action"].as_u64())
            .expect("action id");
        (name, action)
    }

    pub async fn action(&self, id: u64) -> Value {
        self.get(&format!("/actions/{id}")).await.ok()["action"].clone()
    }

    pub async fn server(&self, name: &str) -> Value {
        self.get(&format!("/servers/{name}")).await.ok()["server"].clone()
    }
}

/// Decodes a base64url segment (JWT payloads) without padding.
pub fn base64url_decode(input: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'-' | b'+' => 62,
            _ => 63,
        }
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in input.bytes().filter(|c| *c != b'=') {
        acc = (acc << 6) | value(c);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}
