//! `/account`: who you are at Seeweb, your API tokens, and the rules of a new password. The checks
//! here run in the browser as the user types and again in the server function.

use serde::{Deserialize, Serialize};

use crate::model::time::Stamp;

/// The profile of `GET /account`, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub username: String,
    pub email: Option<String>,
    pub reserved_available: bool,
    pub offline_available: bool,
    /// (plan family, what its special price means), only the families that have one.
    pub discounts: Vec<(String, String)>,
}

/// One API token: ECS shows its label and when it was made, never the token again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenRow {
    pub id: u64,
    pub notes: String,
    pub created: Option<Stamp>,
}

/// The page's data: the profile and the tokens, read together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub profile: Profile,
    pub tokens: Vec<TokenRow>,
}

/// A token just made: shown once in the browser, kept nowhere by the panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewToken {
    pub notes: String,
    pub token: String,
}

/// What a special discount percentage means, as `GET /account` encodes it.
pub fn discount_words(percent: f64) -> Option<String> {
    if percent > 0.0 {
        let percent = match crate::locale::untracked() {
            crate::i18n::Locale::en => percent.to_string(),
            crate::i18n::Locale::it => percent.to_string().replace('.', ","),
        };
        Some(crate::tr!(model.account.discount_off, percent = percent).to_string())
    } else if percent < 0.0 {
        Some(crate::tr!(model.account.discount_special).into())
    } else {
        None
    }
}

pub const NOTES_MAX: usize = 100;

/// A token label as it will be sent: trimmed.
pub fn clean_notes(notes: &str) -> String {
    notes.trim().to_string()
}

/// Why `notes` cannot label a token (`except`: the token being renamed).
pub fn notes_problem(notes: &str, tokens: &[TokenRow], except: Option<u64>) -> Option<String> {
    let notes = notes.trim();
    if notes.is_empty() {
        return Some(crate::tr!(model.account.token_name_empty).into());
    }
    if notes.chars().count() > NOTES_MAX {
        return Some(crate::tr!(model.account.token_name_long, max = NOTES_MAX).to_string());
    }
    let taken = tokens
        .iter()
        .any(|t| Some(t.id) != except && t.notes.trim().eq_ignore_ascii_case(notes));
    taken.then(|| crate::tr!(model.account.token_name_taken).into())
}

/// One rule of a new password, and whether the typed one meets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub text: &'static str,
    pub met: bool,
}

pub const PASSWORD_MIN: usize = 10;

/// The rules a new password must meet, checked against what is typed.
pub fn password_rules(new: &str, username: &str) -> Vec<Rule> {
    let user = username.trim().to_lowercase();
    vec![
        Rule {
            text: crate::tr!(model.account.rule_length),
            met: new.chars().count() >= PASSWORD_MIN,
        },
        Rule {
            text: crate::tr!(model.account.rule_case),
            met: new.chars().any(char::is_lowercase) && new.chars().any(char::is_uppercase),
        },
        Rule {
            text: crate::tr!(model.account.rule_digit),
            met: new
                .chars()
                .any(|c| !c.is_alphabetic() && !c.is_whitespace()),
        },
        Rule {
            text: crate::tr!(model.account.rule_username),
            met: user.is_empty() || !new.to_lowercase().contains(&user),
        },
    ]
}

/// The first problem of a password change, at its field: `current`, `new` or `confirm`.
pub fn password_problem(
    current: &str,
    new: &str,
    confirm: &str,
    username: &str,
) -> Option<(&'static str, String)> {
    if current.is_empty() {
        return Some(("current", crate::tr!(model.account.current_empty).into()));
    }
    if let Some(rule) = password_rules(new, username).into_iter().find(|r| !r.met) {
        let rule = rule.text.to_lowercase();
        return Some((
            "new",
            crate::tr!(model.account.not_yet, rule = rule).to_string(),
        ));
    }
    if new == current {
        return Some(("new", crate::tr!(model.account.same_password).into()));
    }
    if new != confirm {
        return Some(("confirm", crate::tr!(model.account.confirm_differs).into()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64, notes: &str) -> TokenRow {
        TokenRow {
            id,
            notes: notes.into(),
            created: None,
        }
    }

    #[test]
    fn a_token_needs_a_name_of_its_own() {
        let tokens = [row(1, "CI deploys"), row(2, "backup")];
        assert!(notes_problem("  ", &tokens, None).is_some());
        assert!(notes_problem(&"x".repeat(101), &tokens, None).is_some());
        assert!(notes_problem("ci DEPLOYS ", &tokens, None).is_some());
        assert_eq!(notes_problem("CI deploys", &tokens, Some(1)), None);
        assert_eq!(notes_problem("monitoring", &tokens, None), None);
    }

    #[test]
    fn discounts_read_as_the_api_encodes_them() {
        assert_eq!(
            discount_words(12.0).as_deref(),
            Some("12% off the list price")
        );
        assert!(discount_words(-1.0).unwrap().contains("special price"));
        assert_eq!(discount_words(0.0), None);
    }

    #[test]
    fn a_new_password_meets_every_rule_and_is_confirmed() {
        let ok = "Tramonto-2026";
        assert_eq!(password_problem("old", ok, ok, "demo"), None);
        assert_eq!(password_problem("", ok, ok, "demo").unwrap().0, "current");
        assert_eq!(
            password_problem("old", "Short1", "Short1", "demo")
                .unwrap()
                .0,
            "new"
        );
        assert_eq!(
            password_problem("old", "alllowercase1", "alllowercase1", "demo")
                .unwrap()
                .0,
            "new"
        );
        assert_eq!(
            password_problem("old", "NoDigitsHereAtAll", "NoDigitsHereAtAll", "demo")
                .unwrap()
                .0,
            "new"
        );
        assert_eq!(
            password_problem("old", "MyDemo-Password1", "MyDemo-Password1", "demo")
                .unwrap()
                .0,
            "new"
        );
        assert_eq!(password_problem(ok, ok, ok, "demo").unwrap().0, "new");
        assert_eq!(
            password_problem("old", ok, "Tramonto-2025", "demo")
                .unwrap()
                .0,
            "confirm"
        );
        assert!(password_rules(ok, "demo").iter().all(|r| r.met));
    }
}
