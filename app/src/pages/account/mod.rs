//! `/account`: who you are at Seeweb (username, email, what you may buy, special prices), your
//! API tokens (made, shown once, renamed, destroyed) and a new password. What is typed and which
//! dialog is open live here, above the part that reloads.

pub(crate) mod password;
mod tokens;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::account::{get_account, CreateToken, DeleteToken, RenameToken};
use crate::components::error_view::{report, report_failure, ErrorNotice};
use crate::error::AppError;
use crate::model::account::{AccountView, NewToken, Profile, TokenRow};

#[derive(Clone, Copy)]
pub struct AccountCtx {
    /// The tokens last loaded (browser only): names are checked against them.
    pub tokens: RwSignal<Vec<TokenRow>>,
    /// Who is signed in (browser only): a new password must not contain it.
    pub username: RwSignal<String>,
    pub create: ServerAction<CreateToken>,
    pub rename: ServerAction<RenameToken>,
    pub delete: ServerAction<DeleteToken>,
    /// The new token's name as typed, a send tried, and the server's last refusal.
    pub notes: RwSignal<String>,
    pub tried: RwSignal<bool>,
    pub create_error: RwSignal<Option<AppError>>,
    /// The token just made, until dismissed: the only time it can be seen.
    pub fresh: RwSignal<Option<NewToken>>,
    /// The token a dialog is about, and the dialogs.
    pub target: RwSignal<Option<TokenRow>>,
    pub rename_open: RwSignal<bool>,
    pub rename_text: RwSignal<String>,
    pub rename_error: RwSignal<Option<AppError>>,
    pub delete_open: RwSignal<bool>,
}

/// A lazy route: `data` starts the page's fetch while its code loads.
pub struct AccountPage {
    data: PageData<AccountView>,
}

#[lazy_route]
impl LazyRoute for AccountPage {
    fn data() -> Self {
        Self {
            data: page_data(|| (), |_| get_account()),
        }
    }

    fn view(this: Self) -> AnyView {
        account_page(this).into_any()
    }
}

fn account_page(AccountPage { data }: AccountPage) -> impl IntoView {
    let ctx = AccountCtx {
        tokens: RwSignal::new(Vec::new()),
        username: RwSignal::new(String::new()),
        create: ServerAction::new(),
        rename: ServerAction::new(),
        delete: ServerAction::new(),
        notes: RwSignal::new(String::new()),
        tried: RwSignal::new(false),
        create_error: RwSignal::new(None),
        fresh: RwSignal::new(None),
        target: RwSignal::new(None),
        rename_open: RwSignal::new(false),
        rename_text: RwSignal::new(String::new()),
        rename_error: RwSignal::new(None),
        delete_open: RwSignal::new(false),
    };
    provide_context(ctx);
    // In team mode the password is the panel account's own, and API tokens are for admins.
    let me = crate::components::layout::signed_in_as();
    let team_name = me.as_ref().filter(|v| v.team).map(|v| v.name.clone());
    let may_tokens = crate::components::layout::may(crate::model::team::Role::Admin);
    if let Some(name) = team_name.clone() {
        ctx.username.set(name);
    }
    Effect::new(move |_| {
        if let Some(Ok(view)) = data.get() {
            if team_name.is_none() {
                ctx.username.set(view.profile.username);
            }
            ctx.tokens.set(view.tokens);
        }
    });
    follow_outcomes(ctx, Callback::new(move |_| data.refetch()));
    view! {
        <Title text=crate::tr!(account.title) />
        <div class="page-head">
            <h1>{crate::tr!(account.title)}</h1>
            <p class="lead">{crate::tr!(account.lead)}</p>
        </div>
        <div class="account-page">
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(account.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! {
                        <ProfileCard profile=view.profile.clone() />
                        {may_tokens.then(|| view! { <tokens::TokenList rows=view.tokens /> })}
                    }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
        {may_tokens.then(|| view! { <tokens::CreateTokenForm /> })}
        <password::PasswordCard username=ctx.username />
        </div>
        {may_tokens.then(|| view! { <tokens::TokenDialogs /> })}
    }
}

#[component]
fn ProfileCard(profile: Profile) -> impl IntoView {
    let yes_no = |b: bool| {
        if b {
            crate::tr!(account.profile.yes)
        } else {
            crate::tr!(account.profile.no)
        }
    };
    let discounts = if profile.discounts.is_empty() {
        view! { <dd>{crate::tr!(account.profile.no_discounts)}</dd> }.into_any()
    } else {
        view! {
            <dd>
                <ul class="plain">
                    {profile.discounts.into_iter().map(|(family, words)| view! {
                        <li>{family}": "{words}</li>
                    }).collect_view()}
                </ul>
            </dd>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="profile-h" data-testid="profile">
            <h2 id="profile-h">{crate::tr!(account.profile.title)}</h2>
            <dl class="kvs">
                <div class="kv"><dt>{crate::tr!(account.profile.username)}</dt><dd class="mono" data-testid="profile-username">{profile.username}</dd></div>
                <div class="kv"><dt>{crate::tr!(account.profile.email)}</dt><dd>{profile.email.unwrap_or_else(|| "—".into())}</dd></div>
                <div class="kv">
                    <dt>{crate::tr!(account.profile.reserved)}</dt>
                    <dd>{yes_no(profile.reserved_available)}<span class="muted small block">{crate::tr!(account.profile.reserved_note)}</span></dd>
                </div>
                <div class="kv">
                    <dt>{crate::tr!(account.profile.offline)}</dt>
                    <dd>{yes_no(profile.offline_available)}<span class="muted small block">{crate::tr!(account.profile.offline_note)}</span></dd>
                </div>
                <div class="kv"><dt>{crate::tr!(account.profile.special_prices)}</dt>{discounts}</div>
            </dl>
            <p class="muted small">{crate::tr!(account.profile.billing_note)}</p>
        </section>
    }
}

/// Toasts, form resets and reloads when a create, rename or destroy answers.
fn follow_outcomes(ctx: AccountCtx, reload: Callback<()>) {
    Effect::new(move |_| {
        let Some(r) = ctx.create.value().get() else {
            return;
        };
        match r {
            Ok(token) => {
                ctx.notes.set(String::new());
                ctx.tried.set(false);
                ctx.create_error.set(None);
                ctx.fresh.set(Some(token));
                reload.run(());
            }
            Err(e) => {
                report_failure(&e);
                ctx.create_error.set(Some(e));
            }
        }
    });
    Effect::new(move |_| {
        let Some(r) = ctx.rename.value().get() else {
            return;
        };
        let notes = ctx.rename_text.get_untracked();
        report(&r, |_| {
            crate::tr!(account.tokens.renamed, name = notes.trim().to_string()).to_string()
        });
        match r {
            Ok(()) => {
                ctx.rename_open.set(false);
                ctx.rename_error.set(None);
                reload.run(());
            }
            Err(e) => ctx.rename_error.set(Some(e)),
        }
    });
    Effect::new(move |_| {
        let Some(r) = ctx.delete.value().get() else {
            return;
        };
        let notes = ctx
            .target
            .get_untracked()
            .map(|t| t.notes)
            .unwrap_or_default();
        report(&r, |_| {
            crate::tr!(account.tokens.destroyed, name = notes.clone()).to_string()
        });
        ctx.delete_open.set(false);
        reload.run(());
    });
}
