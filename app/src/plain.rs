//! What the server answers outside any page, before or instead of Leptos: the too-slow page, the
//! note on a page cut at its deadline, and the plain-text refusals of the middleware and the
//! downloads. Each takes the reader's language, which the server reads from the request with
//! [`crate::locale::of_headers`].

use crate::i18n::{td_string, Locale};
use crate::locale::tag;

/// The readable 503 of a page that has not started within its time budget.
pub fn too_slow_page(locale: Locale) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head><body><main><h1>{heading}</h1>\
         <p>{text}<a href=\"\">{retry}</a>{end}</p></main></body></html>",
        lang = tag(locale),
        title = td_string!(locale, errors.plain.too_slow_title),
        heading = td_string!(locale, errors.plain.too_slow_heading),
        text = td_string!(locale, errors.plain.too_slow_text),
        retry = td_string!(locale, errors.plain.too_slow_retry),
        end = td_string!(locale, errors.plain.too_slow_text_end),
    )
}

/// Appended to an HTML page cut at its deadline (the page's own markup is already sent).
pub fn cut_note(locale: Locale) -> String {
    format!(
        "<p role=\"alert\" class=\"deadline-note\">{}</p>",
        td_string!(locale, errors.plain.cut)
    )
}

/// The words of a plain-text answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plain {
    Database,
    CrossSite,
    DownloadElsewhere,
    SignInFirst,
    AuditForAdmins,
    ConsumptionForAdmins,
    ChooseMonth,
    AuditFailed,
}

pub fn words(plain: Plain, locale: Locale) -> &'static str {
    match plain {
        Plain::Database => td_string!(locale, errors.plain.database),
        Plain::CrossSite => td_string!(locale, errors.plain.cross_site),
        Plain::DownloadElsewhere => td_string!(locale, errors.plain.download_elsewhere),
        Plain::SignInFirst => td_string!(locale, errors.plain.sign_in_first),
        Plain::AuditForAdmins => td_string!(locale, errors.plain.audit_admins),
        Plain::ConsumptionForAdmins => td_string!(locale, errors.plain.consumption_admins),
        Plain::ChooseMonth => td_string!(locale, errors.plain.choose_month),
        Plain::AuditFailed => td_string!(locale, errors.plain.audit_failed),
    }
}

/// A consumption download that failed: why (ECS's words inside the panel's), and what to do.
pub fn consumption_failed(why: &crate::error::AppError, locale: Locale) -> String {
    td_string!(
        locale,
        errors.plain.consumption_failed,
        why = why.words(locale)
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_too_slow_page_is_in_the_readers_language() {
        let it = too_slow_page(Locale::it);
        assert!(it.starts_with("<!DOCTYPE html><html lang=\"it\">"), "{it}");
        assert!(
            it.contains("<h1>Questa pagina ha richiesto troppo tempo</h1>"),
            "{it}"
        );
        assert!(too_slow_page(Locale::en).contains("<a href=\"\">try again</a> in a moment."));
        assert!(cut_note(Locale::it).contains("Ricaricala"));
    }
}
