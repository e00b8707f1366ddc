//! Instants as pages show them: relative ("3 days ago") with the exact time on hover. The facts are
//! taken on the server (one "now" for the page), so SSR and hydration render the same text; the
//! words are the reader's language's.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Seconds before the page's "now" (negative: in the future), for "3 days ago".
    pub ago: i64,
    /// RFC 3339, for `<time datetime>` and sorting.
    pub iso: String,
    /// Year, month, day, hour, minute in UTC, for the exact time in the reader's language.
    pub parts: (i32, u32, u32, u32, u32),
    /// A calendar date only, for periods that end on a day.
    pub date_only: bool,
}

impl Stamp {
    /// "3 days ago", "tra 5 mesi".
    pub fn relative(&self, locale: Locale) -> String {
        crate::locale::relative(self.ago, locale)
    }

    /// "1 Dec 2026 13:42 UTC", "1 dic 2026" for a date.
    pub fn exact(&self, locale: Locale) -> String {
        let (y, m, d, h, min) = self.parts;
        let day = crate::locale::date(y, m, d, locale);
        if self.date_only {
            day
        } else {
            format!("{day} {h:02}:{min:02} UTC")
        }
    }
}

#[cfg(feature = "ssr")]
impl Stamp {
    pub fn new(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> Self {
        use chrono::{Datelike, Timelike};
        Stamp {
            ago: (now - at).num_seconds(),
            iso: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            parts: (at.year(), at.month(), at.day(), at.hour(), at.minute()),
            date_only: false,
        }
    }

    /// A calendar date only ("1 Mar 2026"), for periods that end on a day.
    pub fn date(at: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> Self {
        Stamp {
            date_only: true,
            ..Stamp::new(at, now)
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn relative_words() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        assert_eq!(
            Stamp::new(now - Duration::seconds(10), now).relative(Locale::en),
            "just now"
        );
        assert_eq!(
            Stamp::new(now - Duration::minutes(1), now).relative(Locale::en),
            "1 minute ago"
        );
        assert_eq!(
            Stamp::new(now - Duration::minutes(59), now).relative(Locale::en),
            "59 minutes ago"
        );
        assert_eq!(
            Stamp::new(now - Duration::hours(5), now).relative(Locale::en),
            "5 hours ago"
        );
        assert_eq!(
            Stamp::new(now - Duration::days(1), now).relative(Locale::en),
            "1 day ago"
        );
        assert_eq!(
            Stamp::new(now - Duration::days(120), now).relative(Locale::en),
            "4 months ago"
        );
        assert_eq!(
            Stamp::new(now - Duration::days(700), now).relative(Locale::en),
            "1 year ago"
        );
        assert_eq!(
            Stamp::new(now + Duration::days(60), now).relative(Locale::en),
            "in 2 months"
        );
        let stamp = Stamp::new(now, now);
        assert_eq!(stamp.exact(Locale::en), "24 Nov 2026 12:00 UTC");
        assert_eq!(stamp.exact(Locale::it), "24 nov 2026 12:00 UTC");
        assert_eq!(Stamp::date(now, now).exact(Locale::it), "24 nov 2026");
        assert_eq!(stamp.iso, "2026-11-24T12:00:00Z");
    }
}
