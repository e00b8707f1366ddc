//! Simulated time. Nothing in the simulator runs in the background: every request reads this clock
//! and the store catches up to it, so a test can move time forward instead of sleeping.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone)]
pub struct Clock {
    inner: Arc<Mutex<ClockState>>,
}

#[derive(Debug)]
struct ClockState {
    /// Simulated time at `real_origin` (or the whole of it for a manual clock).
    origin: DateTime<Utc>,
    /// `None` for a manual clock: it moves only through `advance`.
    real_origin: Option<Instant>,
    /// Simulated seconds per real second (system clock only).
    speed: f64,
    /// Added by `advance`, on either kind of clock.
    offset: Duration,
}

impl Clock {
    /// Follows the wall clock, `speed` times faster (1.0 = real time).
    pub fn system(speed: f64) -> Self {
        let speed = if speed.is_finite() && speed > 0.0 {
            speed
        } else {
            1.0
        };
        Self::from_state(ClockState {
            origin: Utc::now(),
            real_origin: Some(Instant::now()),
            speed,
            offset: Duration::zero(),
        })
    }

    /// Stands still until `advance` is called: for tests.
    pub fn manual() -> Self {
        Self::manual_at(Utc::now())
    }

    pub fn manual_at(start: DateTime<Utc>) -> Self {
        Self::from_state(ClockState {
            origin: start,
            real_origin: None,
            speed: 1.0,
            offset: Duration::zero(),
        })
    }

    fn from_state(state: ClockState) -> Self {
        Self {
            inner: Arc::new(Mutex::new(state)),
        }
    }

    pub fn is_manual(&self) -> bool {
        self.lock().real_origin.is_none()
    }

    pub fn now(&self) -> DateTime<Utc> {
        let state = self.lock();
        let elapsed = match state.real_origin {
            Some(real) => {
                let secs = real.elapsed().as_secs_f64() * state.speed;
                Duration::microseconds((secs * 1e6) as i64)
            }
            None => Duration::zero(),
        };
        state.origin + elapsed + state.offset
    }

    /// Moves simulated time forward (negative values are ignored: time never goes back).
    pub fn advance(&self, seconds: f64) {
        if !seconds.is_finite() || seconds <= 0.0 {
            return;
        }
        let mut state = self.lock();
        state.offset += Duration::microseconds((seconds * 1e6) as i64);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ClockState> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let clock = Clock::manual();
        let t0 = clock.now();
        assert_eq!(clock.now(), t0);
        clock.advance(90.0);
        assert_eq!(clock.now() - t0, Duration::seconds(90));
        clock.advance(-5.0);
        assert_eq!(clock.now() - t0, Duration::seconds(90));
    }
}
