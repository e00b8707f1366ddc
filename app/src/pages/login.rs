//! `/login`: username and password, or an API token. In demo mode it shows the demo credentials.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::{Login, LoginToken};
use crate::components::field::FieldError;
use crate::error::AppError;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Password,
    Token,
}

#[component]
pub fn LoginPage() -> impl IntoView {
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

    let tab = move |m: Method, label: &'static str, id: &'static str| {
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
        <Title text="Sign in" />
        <div class="auth-wrap">
            <section class="card auth-card" aria-labelledby="signin-title">
                <h1 id="signin-title">"Sign in"</h1>
                <p class="muted">
                    {if team {
                        "Use your account on this panel (your admin gave you one)."
                    } else {
                        "Use your Seeweb account, or an API token made in Seeweb's panel."
                    }}
                </p>
                <Show when=expired>
                    <p class="notice notice-warn" role="status">
                        "Your session expired, sign in again."
                    </p>
                </Show>
                {demo_team.then(|| view! {
                    <div class="notice notice-info" data-testid="demo-banner">
                        <strong>"Demo mode, as a team. "</strong>
                        "This panel runs against its built-in ECS simulator. Sign in as "
                        <code>"admin"</code>" / "<code>"admin"</code>", "
                        <code>"operator"</code>" / "<code>"operator"</code>" or "
                        <code>"viewer"</code>" / "<code>"viewer"</code>
                        " (the password is the name) to see what each role may do."
                    </div>
                })}
                {demo.filter(|_| !team).map(|(user, pass)| {
                    view! {
                        <div class="notice notice-info" data-testid="demo-banner">
                            <strong>"Demo mode. "</strong>
                            "This panel runs against its built-in ECS simulator. Sign in as "
                            <code>{user}</code>
                            " with password "
                            <code>{pass}</code>
                            "."
                        </div>
                    }
                })}
                <div class="tabs" role="tablist" aria-label="Sign-in method" hidden=team>
                    {tab(Method::Password, "Password", "tab-password")}
                    {tab(Method::Token, "API token", "tab-token")}
                </div>

                <div role=(!team).then_some("tabpanel") aria-labelledby=(!team).then_some("tab-password") hidden=move || method.get() != Method::Password>
                    <ActionForm action=login attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="next" prop:value=next />
                        <GeneralError error=password_error fields=&["username", "password"] />
                        <label class="field">
                            <span>"Username"</span>
                            <input name="username" autocomplete="username" required=true autofocus=true />
                            <FieldError error=password_error field="username" />
                        </label>
                        <label class="field">
                            <span>"Password"</span>
                            <input name="password" type="password" autocomplete="current-password" required=true />
                            <FieldError error=password_error field="password" />
                        </label>
                        <button class="btn btn-primary btn-block" type="submit" disabled=move || login.pending().get()>
                            {move || if login.pending().get() { "Signing in…" } else { "Sign in" }}
                        </button>
                    </ActionForm>
                </div>

                <div role="tabpanel" aria-labelledby="tab-token" hidden=move || team || method.get() != Method::Token>
                    <ActionForm action=login_token attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="next" prop:value=next />
                        <GeneralError error=token_error fields=&["token"] />
                        <label class="field">
                            <span>"API token"</span>
                            <input name="token" type="password" autocomplete="off" spellcheck="false" required=true />
                            <FieldError error=token_error field="token" />
                        </label>
                        <p class="muted small">
                            "The token is checked with Seeweb once, then kept on this panel's server only: it never reaches your browser again."
                        </p>
                        <button class="btn btn-primary btn-block" type="submit" disabled=move || login_token.pending().get()>
                            {move || if login_token.pending().get() { "Checking…" } else { "Sign in with token" }}
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
            .map(|e| view! { <p class="notice notice-error" role="alert">{e.to_string()}</p> })
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
