//! The account and its API tokens, as `/account` shows them.

use chrono::{DateTime, Utc};

use crate::ecs::dto::{Account, ApiToken};
use crate::model::account::{discount_words, AccountView, Profile, TokenRow};
use crate::model::time::Stamp;

pub fn view(account: Account, tokens: Vec<ApiToken>, now: DateTime<Utc>) -> AccountView {
    let families = [
        (
            crate::tr!(ecs.discount.standard),
            account.ecs_special_discount,
        ),
        (
            crate::tr!(ecs.discount.high_memory),
            account.ecshm_special_discount,
        ),
        (
            crate::tr!(ecs.discount.gpu),
            account.ecsgpu_special_discount,
        ),
    ];
    let discounts = families
        .into_iter()
        .filter_map(|(family, pct)| Some((family.to_string(), discount_words(pct?)?)))
        .collect();
    let mut tokens: Vec<TokenRow> = tokens.into_iter().map(|t| token(t, now)).collect();
    // Newest first: the one just made is at the top.
    tokens.sort_by_key(|t| std::cmp::Reverse(t.id));
    AccountView {
        profile: Profile {
            username: account.username,
            email: account.email.filter(|e| !e.trim().is_empty()),
            reserved_available: account.reserved_available,
            offline_available: account.offline_available,
            discounts,
        },
        tokens,
    }
}

pub fn token(t: ApiToken, now: DateTime<Utc>) -> TokenRow {
    TokenRow {
        id: t.id,
        notes: t.notes,
        created: t.created_at.map(|c| Stamp::new(c, now)),
    }
}
