//! Instants as pages show them: relative ("3 days ago") with the exact time on hover. Both are
//! computed on the server, so SSR and hydration render the same text.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// "3 days ago", "in 5 months".
    pub relative: String,
    /// "2025-02-11 13:42 UTC".
    pub exact: String,
    /// RFC 3339, for `<time datetime>` and sorting.
    pub iso: String,
}

#[cfg(feature = "ssr")]
impl Stamp {
    pub fn new(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> Self {
        Stamp {
            relative: relative(at, now),
            exact: at.format("%Y-%m-%d %H:%M UTC").to_string(),
            iso: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }

    /// A calendar date only ("2026-03-01"), for periods that end on a day.
    pub fn date(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> Self {
        Stamp {
            exact: at.format("%Y-%m-%d").to_string(),
            ..Stamp::new(at, now)
        }
    }
}

/// Rounded down to the largest unit, as people say it.
#[cfg(feature = "ssr")]
pub fn relative(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    let secs = (now - at).num_seconds();
    let future = secs < 0;
    let s = secs.unsigned_abs();
    let (n, unit) = match s {
        0..=44 => {
            return if future {
                "in a moment".into()
            } else {
                "just now".into()
            }
        }
        45..=3_599 => (s.div_ceil(60).max(1), "minute"),
        3_600..=86_399 => (s / 3_600, "hour"),
        86_400..=2_591_999 => (s / 86_400, "day"),
        2_592_000..=31_535_999 => (s / 2_592_000, "month"),
        _ => (s / 31_536_000, "year"),
    };
    let plural = if n == 1 { "" } else { "s" };
    if future {
        format!("in {n} {unit}{plural}")
    } else {
        format!("{n} {unit}{plural} ago")
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn relative_words() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        assert_eq!(relative(now - Duration::seconds(10), now), "just now");
        assert_eq!(relative(now - Duration::minutes(1), now), "1 minute ago");
        assert_eq!(relative(now - Duration::minutes(59), now), "59 minutes ago");
        assert_eq!(relative(now - Duration::hours(5), now), "5 hours ago");
        assert_eq!(relative(now - Duration::days(1), now), "1 day ago");
        assert_eq!(relative(now - Duration::days(120), now), "4 months ago");
        assert_eq!(relative(now - Duration::days(700), now), "1 year ago");
        assert_eq!(relative(now + Duration::days(60), now), "in 2 months");
        let stamp = Stamp::new(now, now);
        assert_eq!(stamp.exact, "2026-11-24 12:00 UTC");
        assert_eq!(stamp.iso, "2026-11-24T12:00:00Z");
    }
}
