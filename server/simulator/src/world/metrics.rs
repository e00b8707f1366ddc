//! Deterministic, plausible metrics at 5-minute resolution.
//!
//! Each value is a pure function of (server name, series, timestamp): the same request gives the
//! same answer on every run. CPU follows a daily rhythm with noise and spikes after each boot; a
//! powered-off server reads zero; nothing exists before the server was created.

use std::f64::consts::PI;

use chrono::{DateTime, Timelike, Utc};

use crate::util::{mix, unit};
use crate::world::servers::Server;

pub const STEP_SECS: i64 = 300;
pub const MAX_RANGE_DAYS: i64 = 90;

/// The series a metrics answer carries.
#[derive(Clone, Copy)]
pub enum Series {
    Core,
    Reads,
    Writes,
    Received,
    Transmitted,
}

/// The value of one series at `t` for `server` (before formatting).
pub fn value(server: &Server, seed: u64, series: Series, t: DateTime<Utc>) -> f64 {
    if !server.powered && t >= server.power_changed_at {
        return 0.0;
    }
    let salt = series as u64 + 1;
    let noise = unit(mix(seed ^ mix(salt) ^ (t.timestamp() as u64)));
    let level = unit(mix(seed ^ (salt << 8)));
    let hour = f64::from(t.hour()) + f64::from(t.minute()) / 60.0;
    // Busiest in the afternoon (around 15:00 UTC), quietest before dawn.
    let daily = 0.55 + 0.45 * ((hour - 9.0) / 24.0 * 2.0 * PI).sin();
    let since_boot = [Some(server.creation_date), server.booted_at]
        .iter()
        .flatten()
        .filter(|b| **b <= t)
        .map(|b| (t - *b).num_seconds())
        .min()
        .unwrap_or(i64::MAX);
    let booting = since_boot < 15 * 60;
    match series {
        Series::Core => {
            if booting {
                70.0 + 25.0 * noise
            } else {
                ((2.0 + 35.0 * level) * daily + 6.0 * (noise - 0.5)).clamp(0.0, 100.0)
            }
        }
        Series::Reads | Series::Writes => {
            let burst = if noise > 0.97 { 12.0 } else { 1.0 };
            let boot = if booting { 20.0 } else { 1.0 };
            (5.0 + 60.0 * level) * daily * noise * burst * boot
        }
        Series::Received | Series::Transmitted => {
            (20.0 + 400.0 * level) * daily * (0.6 + 0.8 * noise)
        }
    }
}
