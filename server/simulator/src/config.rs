//! What shapes a simulator run: timings, answer forms, the clock, and the faults it injects.

use serde::{Deserialize, Serialize};

use crate::clock::Clock;

/// Everything that shapes a simulator run.
#[derive(Debug, Clone)]
pub struct SimConfig {
    pub legacy_forms: bool,
    pub boot_secs: f64,
    pub customize_secs: f64,
    pub power_secs: f64,
    pub delete_secs: f64,
    pub task_secs: f64,
    /// Simulated seconds per real second (system clock only).
    pub speed: f64,
    /// A clock that moves only when told to (tests).
    pub manual_clock: bool,
    pub token_lifetime_secs: u64,
    pub jwt_secret: Option<String>,
    pub request_log_size: usize,
    /// Generated servers added to the `demo` account (see `seed/bulk.rs`); 0 in the demo.
    pub extra_servers: u32,
    pub faults: FaultConfig,
    /// Forced expiry for every account after this many authenticated calls.
    pub expire_after_calls: Option<u32>,
}

impl Default for SimConfig {
    /// The demo settings: a server boots in ~20 s, power actions take ~5 s.
    fn default() -> Self {
        Self {
            legacy_forms: false,
            boot_secs: 20.0,
            customize_secs: 15.0,
            power_secs: 5.0,
            delete_secs: 10.0,
            task_secs: 15.0,
            speed: 1.0,
            manual_clock: false,
            token_lifetime_secs: 4 * 3600,
            jwt_secret: None,
            request_log_size: 200,
            extra_servers: 0,
            faults: FaultConfig::default(),
            expire_after_calls: None,
        }
    }
}

impl SimConfig {
    /// Demo timings on a manual clock: nothing moves until the test advances time.
    pub fn for_tests() -> Self {
        Self {
            manual_clock: true,
            ..Self::default()
        }
    }

    pub fn clock(&self) -> Clock {
        if self.manual_clock {
            Clock::manual()
        } else {
            Clock::system(self.speed)
        }
    }
}

/// Fault injection for client tests, off by default: latency, a share of 5xx answers, maintenance
/// (503), hangs, trickled bodies, truncated JSON, an HTML page with 200, a given body with 200 (the
/// wrong shape), an oversized body and 429 with Retry-After. Set per run (flags/env) and at run time
/// (`/__sim/faults`), optionally scoped to a path prefix and/or a method, and optionally limited to
/// the next N matching requests. `control::faults` applies it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultConfig {
    /// Added before every matching request is handled.
    pub latency_ms: u64,
    /// Share (0..1) of matching requests answered 500, 502 or 503.
    pub error_rate: f64,
    /// Every matching request gets 503 "under maintenance".
    pub maintenance: bool,
    /// Every matching request is answered with this status (400–599), in the form real gateways
    /// give it: one status a case, for tests that must not pass by luck.
    pub status: Option<u16>,
    /// Accept the request and answer nothing for this long (then 504): a client's timeout test.
    pub hang_ms: Option<u64>,
    /// Send the (real) body a few bytes at a time with this pause between chunks.
    pub trickle_ms: Option<u64>,
    /// Answer 200 with the real JSON body cut in half.
    pub malformed_json: bool,
    /// Answer 200 with an HTML page (a captive portal or proxy error page).
    pub html: bool,
    /// Answer 200 with exactly this body, as JSON: an answer of the wrong shape.
    pub body: Option<String>,
    /// Answer 200 with a JSON body of this many bytes (at most [`MAX_OVERSIZE`]).
    pub oversize_bytes: Option<usize>,
    /// Answer 429 with `Retry-After: <seconds>`.
    pub rate_limit_secs: Option<u64>,
    /// Only requests whose path starts with this (with or without the `/ecs/v2` prefix).
    pub path_prefix: Option<String>,
    /// Only requests with this method.
    pub method: Option<String>,
    /// Only the next N matching requests (then the faults stop applying).
    pub remaining: Option<u32>,
}

/// The largest `oversize_bytes` accepted: enough to exceed any client's sane limit.
pub const MAX_OVERSIZE: usize = 64 * 1024 * 1024;

impl FaultConfig {
    pub fn is_active(&self) -> bool {
        self.latency_ms > 0
            || self.error_rate > 0.0
            || self.maintenance
            || self.status.is_some()
            || self.hang_ms.is_some()
            || self.trickle_ms.is_some()
            || self.malformed_json
            || self.html
            || self.body.is_some()
            || self.oversize_bytes.is_some()
            || self.rate_limit_secs.is_some()
    }

    /// Whether a request with this method and path is in scope (and the countdown not spent).
    pub fn matches(&self, method: &http::Method, path: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()));
        let inner = path.strip_prefix("/ecs/v2").unwrap_or(path);
        let path_ok = self
            .path_prefix
            .as_deref()
            .is_none_or(|p| path.starts_with(p) || inner.starts_with(p));
        method_ok && path_ok && self.remaining != Some(0)
    }
}
