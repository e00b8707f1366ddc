//! The reader's language: which one (leptos_i18n's context, from the cookie or `Accept-Language`),
//! and numbers, money and dates written the way it writes them.
//!
//! Written by hand rather than with leptos_i18n's ICU formatters: the panel needs two locales'
//! decimal separators and month names, and ICU's data would be compiled into the browser's wasm.

use leptos_i18n::context::CookieOptions;
use leptos_i18n::Locale as _;

use crate::i18n::{use_i18n, Locale};

/// The cookie's name (`browser::remember_language` writes it, leptos_i18n reads it).
pub const COOKIE: &str = "lang";

/// The cookie that remembers a choice made in the user menu: whole site, a year, never sent
/// cross-site. It holds only `en` or `it`.
pub fn cookie_options() -> CookieOptions<Locale> {
    CookieOptions::default()
        .path("/")
        .max_age(365_i64 * 24 * 60 * 60 * 1000)
        .same_site(leptos_use::SameSite::Lax)
}

/// The page's language, reactively (a switch in the user menu re-renders what reads it).
pub fn current() -> Locale {
    use_i18n().get_locale()
}

/// The page's language without tracking, for code that runs once (a switch reloads the page).
/// In a server function, the request's (its cookie, else `Accept-Language`), so the words it
/// answers with (a field's error, a refusal) are the reader's; English outside any request
/// (unit tests).
pub fn untracked() -> Locale {
    use leptos::prelude::use_context;
    if let Some(page) = use_context::<leptos_i18n::I18nContext<Locale>>() {
        return page.get_locale_untracked();
    }
    #[cfg(feature = "ssr")]
    if use_context::<http::request::Parts>().is_some() {
        return leptos_i18n::locale::resolve_locale_with_options(
            leptos_i18n::context::I18nContextOptions {
                enable_cookie: true,
                cookie_name: COOKIE.into(),
                cookie_options: cookie_options(),
                ssr_lang_header_getter: Default::default(),
            },
        );
    }
    Locale::default()
}

/// Runs `f` as inside a request with these headers, so the words it builds are in that
/// request's language (its cookie, else `Accept-Language`): for code that runs before Leptos's
/// handler provides the request (the access gate).
#[cfg(feature = "ssr")]
pub fn of_request<T>(headers: &http::HeaderMap, f: impl FnOnce() -> T) -> T {
    use leptos::prelude::{provide_context, Owner};
    let mut request = http::Request::new(());
    *request.headers_mut() = headers.clone();
    let (parts, ()) = request.into_parts();
    Owner::new().with(|| {
        provide_context(parts);
        f()
    })
}

/// The language a request with these headers reads.
#[cfg(feature = "ssr")]
pub fn of_headers(headers: &http::HeaderMap) -> Locale {
    of_request(headers, untracked)
}

/// The two headers a request's language is read from (its cookie, `Accept-Language`), kept for
/// code that answers after the request has moved on. Cheap: header values share their bytes.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct Asked(http::HeaderMap);

#[cfg(feature = "ssr")]
impl Asked {
    pub fn of(headers: &http::HeaderMap) -> Self {
        let mut kept = http::HeaderMap::new();
        for name in [http::header::COOKIE, http::header::ACCEPT_LANGUAGE] {
            for value in headers.get_all(&name) {
                kept.append(name.clone(), value.clone());
            }
        }
        Self(kept)
    }

    pub fn locale(&self) -> Locale {
        of_headers(&self.0)
    }
}

/// `tr!(ns.key)`, `tr!(ns.key, name = value)`: a text in the page's language.
#[macro_export]
macro_rules! tr {
    ($($t:tt)*) => { $crate::i18n::td_string!($crate::locale::untracked(), $($t)*) };
}

/// `en` or `it`, as in `<html lang>`.
pub fn tag(locale: Locale) -> &'static str {
    locale.as_str()
}

/// A number with `digits` decimals and grouped thousands: `1,234.5` / `1.234,5`.
pub fn number(v: f64, digits: usize, locale: Locale) -> String {
    let (group, decimal) = match locale {
        Locale::en => (',', '.'),
        Locale::it => ('.', ','),
    };
    let text = format!("{:.digits$}", v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// A whole count with grouped thousands.
pub fn count(n: u64, locale: Locale) -> String {
    number(n as f64, 0, locale)
}

/// Euros: `€1,234.56` in English, `1.234,56 €` in Italian.
pub fn money(v: f64, digits: usize, locale: Locale) -> String {
    let n = number(v, digits, locale);
    match locale {
        Locale::en => match n.strip_prefix('-') {
            Some(abs) => format!("-€{abs}"),
            None => format!("€{n}"),
        },
        Locale::it => format!("{n} €"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_IT: [&str; 12] = [
    "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
];

const FULL_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FULL_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// "Nov", "nov" (month 1–12; "?" out of range).
pub fn month_short(month: u32, locale: Locale) -> &'static str {
    let months = match locale {
        Locale::en => &MONTHS_EN,
        Locale::it => &MONTHS_IT,
    };
    months
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// "November", "novembre".
pub fn month_name(month: u32, locale: Locale) -> &'static str {
    let months = match locale {
        Locale::en => &FULL_EN,
        Locale::it => &FULL_IT,
    };
    months
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// A calendar day: `1 Dec 2026` / `1 dic 2026` (month 1–12).
pub fn date(year: i32, month: u32, day: u32, locale: Locale) -> String {
    format!("{day} {} {year}", month_short(month, locale))
}

/// A length of time in its largest whole unit, rounded down: "365 days", "12 ore", below an hour
/// in minutes (rounded up).
pub fn span(d: std::time::Duration, locale: Locale) -> String {
    use crate::i18n::td_string;
    let s = d.as_secs();
    let (n, unit) = match s {
        86_400.. => (s / 86_400, 0),
        3_600.. => (s / 3_600, 1),
        _ => (s.div_ceil(60).max(1), 2),
    };
    let word = match (unit, n == 1) {
        (0, true) => td_string!(locale, common.time.day),
        (0, false) => td_string!(locale, common.time.days),
        (1, true) => td_string!(locale, common.time.hour),
        (1, false) => td_string!(locale, common.time.hours),
        (_, true) => td_string!(locale, common.time.minute),
        (_, false) => td_string!(locale, common.time.minutes),
    };
    format!("{} {word}", count(n, locale))
}

/// Rounded down to the largest unit, as people say it: "3 days ago", "tra 2 mesi".
/// `ago` is in seconds; negative is the future.
pub fn relative(ago: i64, locale: Locale) -> String {
    use crate::i18n::td_string;
    let future = ago < 0;
    let s = ago.unsigned_abs();
    let n = match s {
        0..=44 => {
            return if future {
                td_string!(locale, common.time.in_a_moment).to_string()
            } else {
                td_string!(locale, common.time.just_now).to_string()
            }
        }
        45..=3_599 => s.div_ceil(60).max(1),
        3_600..=86_399 => s / 3_600,
        86_400..=2_591_999 => s / 86_400,
        2_592_000..=31_535_999 => s / 2_592_000,
        _ => s / 31_536_000,
    };
    // English and Italian both have only "one" and "other" for whole counts.
    let one = n == 1;
    let unit = match (s, one) {
        (..=3_599, true) => td_string!(locale, common.time.minute),
        (..=3_599, false) => td_string!(locale, common.time.minutes),
        (..=86_399, true) => td_string!(locale, common.time.hour),
        (..=86_399, false) => td_string!(locale, common.time.hours),
        (..=2_591_999, true) => td_string!(locale, common.time.day),
        (..=2_591_999, false) => td_string!(locale, common.time.days),
        (..=31_535_999, true) => td_string!(locale, common.time.month),
        (..=31_535_999, false) => td_string!(locale, common.time.months),
        (_, true) => td_string!(locale, common.time.year),
        (_, false) => td_string!(locale, common.time.years),
    };
    let amount = format!("{n} {unit}");
    if future {
        td_string!(locale, common.time.in_future, amount = amount).to_string()
    } else {
        td_string!(locale, common.time.in_past, amount = amount).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_money_per_locale() {
        assert_eq!(number(1234.5, 2, Locale::en), "1,234.50");
        assert_eq!(number(1234.5, 2, Locale::it), "1.234,50");
        assert_eq!(number(999.0, 0, Locale::it), "999");
        assert_eq!(number(1_234_567.0, 0, Locale::en), "1,234,567");
        assert_eq!(number(-0.001, 2, Locale::en), "0.00");
        assert_eq!(money(1234.56, 2, Locale::it), "1.234,56 €");
        assert_eq!(money(1234.56, 2, Locale::en), "€1,234.56");
        assert_eq!(money(-2.5, 2, Locale::en), "-€2.50");
        assert_eq!(count(12345, Locale::it), "12.345");
    }

    #[test]
    fn dates_and_relative_times_per_locale() {
        assert_eq!(date(2026, 12, 1, Locale::it), "1 dic 2026");
        assert_eq!(date(2026, 12, 1, Locale::en), "1 Dec 2026");
        assert_eq!(month_name(11, Locale::it), "novembre");
        assert_eq!(month_short(13, Locale::en), "?");
        assert_eq!(relative(10, Locale::en), "just now");
        assert_eq!(relative(10, Locale::it), "proprio ora");
        assert_eq!(relative(60, Locale::en), "1 minute ago");
        assert_eq!(relative(5 * 3600, Locale::it), "5 ore fa");
        assert_eq!(relative(86_400, Locale::it), "1 giorno fa");
        assert_eq!(relative(-60 * 86_400, Locale::en), "in 2 months");
        assert_eq!(relative(-60 * 86_400, Locale::it), "tra 2 mesi");
        assert_eq!(relative(700 * 86_400, Locale::it), "1 anno fa");
        let hours = |h: u64| std::time::Duration::from_secs(h * 3_600);
        assert_eq!(span(hours(365 * 24), Locale::en), "365 days");
        assert_eq!(span(hours(24), Locale::it), "1 giorno");
        assert_eq!(span(hours(36), Locale::en), "1 day");
        assert_eq!(span(hours(12), Locale::it), "12 ore");
        assert_eq!(
            span(std::time::Duration::from_secs(90), Locale::en),
            "2 minutes"
        );
    }
}
