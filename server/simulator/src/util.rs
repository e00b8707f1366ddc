//! Small helpers shared by the simulator: date formats the API uses, deterministic hashing (the
//! seeded world and the metrics must be the same on every run) and random secrets.

use chrono::{DateTime, Utc};
use rand::distr::Alphanumeric;
use rand::Rng;

/// `2025-02-11T13:42:58.594971+00:00`: the live API's usual date form.
pub fn iso(dt: &DateTime<Utc>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S%.6f+00:00").to_string()
}

/// `2024-11-19T08:12:13.884Z`: the form networks, snapshots and logs use.
pub fn iso_z(dt: &DateTime<Utc>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// `2024-10-10 12:00:00`: the form of metrics points and some older examples.
pub fn plain(dt: &DateTime<Utc>) -> String {
    dt.format("%Y-%m-%d %H:%M:%S").to_string()
}

pub fn iso_opt(dt: &Option<DateTime<Utc>>) -> serde_json::Value {
    dt.as_ref()
        .map_or(serde_json::Value::Null, |d| iso(d).into())
}

pub fn iso_z_opt(dt: &Option<DateTime<Utc>>) -> serde_json::Value {
    dt.as_ref()
        .map_or(serde_json::Value::Null, |d| iso_z(d).into())
}

/// SplitMix64: a tiny, well-mixed hash step for deterministic pseudo-randomness.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a of a string, then mixed: a stable seed from a name.
pub fn hash_str(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A uniform float in [0, 1) from a hash.
pub fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// A UUID-shaped string derived from a seed (stable across runs).
pub fn fake_uuid(seed: u64) -> String {
    let a = mix(seed);
    let b = mix(a ^ 0x5151);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        a as u16 & 0x0fff,
        ((b >> 48) as u16 & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// A random UUID v4-shaped string (console keys, snapshot uids).
pub fn random_uuid() -> String {
    fake_uuid(rand::rng().random())
}

/// A random alphanumeric secret, like the API's 128-character tokens.
pub fn random_token(len: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// Rounds to cents, as prices and costs are shown.
pub fn cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
