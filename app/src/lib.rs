//! ECS Panel: routes, pages, components and server functions, shared by SSR and hydration.
// Deeply nested view types (the servers table) exceed the default limit in release builds.
#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod auth;
pub mod browser;
pub mod components;
#[cfg(feature = "ssr")]
pub mod csp;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod ecs;
pub mod error;
pub mod locale;
pub mod model;
pub mod page_data;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod plain;
#[cfg(feature = "ssr")]
pub mod shared_state;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod team;

// The `i18n` module leptos_i18n generates from `locales/` (build.rs): `Locale`, `t!`, `td!`,
// `use_i18n`, `I18nContextProvider`.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy, SsrMode,
};

use components::layout::Layout;
use pages::{
    account::AccountPage,
    actions::ActionsPage,
    audit::AuditLogPage,
    consumption::ConsumptionPage,
    create::CreatePage,
    groups::GroupsPage,
    home::HomePage,
    login::LoginPage,
    logs::{LogEntryPage, LogsPage},
    networks::NetworksPage,
    not_found::NotFound,
    password::ChoosePasswordPage,
    plans::PlansPage,
    scripts::{ScriptEditPage, ScriptNewPage, ScriptsPage},
    servers::{ServerDetailPage, ServerMetricsPage, ServersPage},
    ssh_keys::SshKeysPage,
    team::TeamPage,
    templates::TemplatesPage,
};

/// The product version shown in the footer and returned by `/healthz`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    csp::use_request_nonce();
    view! {
        <!DOCTYPE html>
        // `lang` is set by I18nContextProvider, in the language the page is rendered in.
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                // The stylesheet's name carries its hash in release builds (cached for good).
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "ECS Panel".to_string() } else { format!("{page} · ECS Panel") }
        } />
        <i18n::I18nContextProvider cookie_name=locale::COOKIE cookie_options=locale::cookie_options()>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("") view={Lazy::<HomePage>::new()} />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/servers") view={Lazy::<ServersPage>::new()} />
                    <Route path=path!("/servers/new") view={Lazy::<CreatePage>::new()} />
                    <Route path=path!("/servers/:name") view={Lazy::<ServerDetailPage>::new()} ssr=SsrMode::PartiallyBlocked />
                    <Route path=path!("/servers/:name/metrics") view={Lazy::<ServerMetricsPage>::new()} />
                    <Route path=path!("/actions") view={Lazy::<ActionsPage>::new()} />
                    <Route path=path!("/templates") view={Lazy::<TemplatesPage>::new()} />
                    <Route path=path!("/groups") view={Lazy::<GroupsPage>::new()} />
                    <Route path=path!("/networks") view={Lazy::<NetworksPage>::new()} />
                    <Route path=path!("/ssh-keys") view={Lazy::<SshKeysPage>::new()} />
                    <Route path=path!("/scripts") view={Lazy::<ScriptsPage>::new()} />
                    <Route path=path!("/scripts/new") view={Lazy::<ScriptNewPage>::new()} />
                    <Route path=path!("/scripts/:id") view={Lazy::<ScriptEditPage>::new()} ssr=SsrMode::PartiallyBlocked />
                    <Route path=path!("/plans") view={Lazy::<PlansPage>::new()} />
                    <Route path=path!("/logs") view={Lazy::<LogsPage>::new()} />
                    <Route path=path!("/logs/:id") view={Lazy::<LogEntryPage>::new()} ssr=SsrMode::PartiallyBlocked />
                    <Route path=path!("/account") view={Lazy::<AccountPage>::new()} />
                    <Route path=path!("/consumption") view={Lazy::<ConsumptionPage>::new()} />
                    <Route path=path!("/team") view={Lazy::<TeamPage>::new()} />
                    <Route path=path!("/audit") view={Lazy::<AuditLogPage>::new()} />
                    <Route path=path!("/password") view={Lazy::<ChoosePasswordPage>::new()} />
                </Routes>
            </Layout>
        </Router>
        </i18n::I18nContextProvider>
    }
}
