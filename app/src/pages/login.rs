//! `/login`: username and password, or an API token. In demo mode it shows the demo credentials.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::{Login, LoginToken};
use crate::components::field::FieldError;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Password,
    Token,
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_default();
    let expired = move || query.with(|q| q.get("reason").as_deref() == Some("expired"));
    let method = RwSignal::new(Method::Password);
    // Demo credentials and team mode are facts of the server's configuration: shared for
    // hydration, no fetch.
    let (team, demo, demo_team) = SharedValue::new(sign_in_facts).into_inner();

    let login = ServerAction::<Login>::new();
    let login_token = ServerAction::<LoginToken>::new();
    let password_error = Signal::derive(move || login.value().get().and_then(Result::err));
    let token_error = Signal::derive(move || login_token.value().get().and_then(Result::err));
    // Signed in: load the next page in full, so it is rendered for this user from the start.
    Effect::new(move |_| {
        if let Some(Ok(target)) = login.value().get().or_else(|| login_token.value().get()) {
            crate::browser::load_page(&target);
        }
    });

    let tab = move |m: Method, label: AnyView, id: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=id
                class="tab"
                aria-selected=move || (method.get() == m).to_string()
                on:click=move |_| method.set(m)
            >
                {label}
            </button>
        }
    };

    view! {
        <Title text=t_string!(i18n, auth.title) />
        <div class="auth-wrap">
            <section class="card auth-card" aria-labelledby="signin-title">
                <h1 id="signin-title">{t!(i18n, auth.title)}</h1>
                <p class="muted">
                    {if team {
                        t!(i18n, auth.lead_team).into_any()
                    } else {
                        t!(i18n, auth.lead_personal).into_any()
                    }}
                </p>
                <Show when=expired>
                    <p class="notice notice-warn" role="status">
                        {t!(i18n, auth.expired)}
                    </p>
                </Show>
                {demo_team.then(|| view! {
                    <div class="notice notice-info" data-testid="demo-banner">
                        <strong>{t!(i18n, auth.demo_team_title)}</strong>
                        {t!(i18n, auth.demo_team_text)}
                    </div>
                })}
                {demo.filter(|_| !team).map(|(user, pass)| {
                    view! {
                        <div class="notice notice-info" data-testid="demo-banner">
                            <strong>{t!(i18n, auth.demo_title)}</strong>
                            {t!(i18n, auth.demo_sign_in_as)}
                            <code>{user}</code>
                            {t!(i18n, auth.demo_with_password)}
                            <code>{pass}</code>
                            "."
                        </div>
                    }
                })}
                <div class="tabs" role="tablist" aria-label=t_string!(i18n, auth.method) hidden=team>
                    {tab(Method::Password, t!(i18n, auth.tab_password).into_any(), "tab-password")}
                    {tab(Method::Token, t!(i18n, auth.tab_token).into_any(), "tab-token")}
                </div>

                <div role=(!team).then_some("tabpanel") aria-labelledby=(!team).then_some("tab-password") hidden=move || method.get() != Method::Password>
                    <ActionForm action=login attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="next" prop:value=next />
                        <GeneralError error=password_error fields=&["username", "password"] />
                        <label class="field">
                            <span>{t!(i18n, auth.username)}</span>
                            <input name="username" autocomplete="username" required=true autofocus=true />
                            <FieldError error=password_error field="username" />
                        </label>
                        <label class="field">
                            <span>{t!(i18n, auth.password)}</span>
                            <input name="password" type="password" autocomplete="current-password" required=true />
                            <FieldError error=password_error field="password" />
                        </label>
                        <button class="btn btn-primary btn-block" type="submit" disabled=move || login.pending().get()>
                            {move || if login.pending().get() { t_string!(i18n, auth.signing_in) } else { t_string!(i18n, auth.sign_in) }}
                        </button>
                    </ActionForm>
                </div>

                <div role="tabpanel" aria-labelledby="tab-token" hidden=move || team || method.get() != Method::Token>
                    <ActionForm action=login_token attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="next" prop:value=next />
                        <GeneralError error=token_error fields=&["token"] />
                        <label class="field">
                            <span>{t!(i18n, auth.token)}</span>
                            <input name="token" type="password" autocomplete="off" spellcheck="false" required=true />
                            <FieldError error=token_error field="token" />
                        </label>
                        <p class="muted small">
                            {t!(i18n, auth.token_note)}
                        </p>
                        <button class="btn btn-primary btn-block" type="submit" disabled=move || login_token.pending().get()>
                            {move || if login_token.pending().get() { t_string!(i18n, auth.checking) } else { t_string!(i18n, auth.sign_in_token) }}
                        </button>
                    </ActionForm>
                </div>
            </section>
        </div>
    }
}

/// An error that belongs to no single field (upstream down, timeout…), above the form.
#[component]
fn GeneralError(error: Signal<Option<AppError>>, fields: &'static [&'static str]) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| !fields.iter().any(|f| e.field_message(f).is_some()))
            .map(|e| view! { <p class="notice notice-error" role="alert">{e.words(crate::locale::untracked())}</p> })
    }
}

/// Team mode, the simulator's demo credentials in demo mode, and whether the demo runs as a team
/// (server side; the browser gets the shared value).
fn sign_in_facts() -> (bool, Option<(String, String)>, bool) {
    #[cfg(feature = "ssr")]
    {
        let Some(state) = use_context::<crate::state::PanelState>() else {
            return (false, None, false);
        };
        let demo_team = state.team.as_ref().is_some_and(|t| t.demo_accounts);
        (
            state.team.is_some(),
            state.demo.map(|d| (d.username, d.password)),
            demo_team,
        )
    }
    #[cfg(not(feature = "ssr"))]
    {
        (false, None, false)
    }
}
