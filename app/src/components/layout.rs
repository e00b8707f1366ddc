//! The app shell: header with navigation, the page, and the footer.

use leptos::prelude::*;

use crate::api::auth::Logout;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::model::team::{Role, Viewer};
use leptos_i18n::Locale as _;

/// Who is signed in, for pages: `None` on the sign-in page. Provided by [`Layout`].
#[derive(Clone, Debug, PartialEq)]
pub struct SignedInAs(pub Option<Viewer>);

/// Whether the signed-in person's role allows what needs `need`. Only for leaving out buttons
/// and links a role cannot use: the server's access gate is the control.
pub fn may(need: Role) -> bool {
    use_context::<SignedInAs>()
        .and_then(|s| s.0)
        .is_some_and(|v| v.may(need))
}

/// The signed-in person (name, role, team mode), when there is one.
pub fn signed_in_as() -> Option<Viewer> {
    use_context::<SignedInAs>().and_then(|s| s.0)
}

/// A word of the navigation, in the reader's language.
type Label = fn(Locale) -> String;

/// A titled group of links (the first, the dashboard, has no title).
type Group = (Option<Label>, &'static [(&'static str, Label)]);

/// The main navigation, in the groups Seeweb's own panel uses; every link stays visible (a
/// sidebar on desktops, the Menu list on phones). The current page has `aria-current="page"`.
#[rustfmt::skip]
const NAV: &[Group] = &[
    (None, &[("/", |l| td_string!(l, common.nav.dashboard).into())]),
    (Some(|l| td_string!(l, common.nav.compute).into()), &[
        ("/servers", |l| td_string!(l, common.nav.servers).into()),
        ("/servers/new", |l| td_string!(l, common.nav.create).into()),
        ("/templates", |l| td_string!(l, common.nav.templates).into()),
        ("/actions", |l| td_string!(l, common.nav.actions).into()),
    ]),
    (Some(|l| td_string!(l, common.nav.library).into()), &[
        ("/scripts", |l| td_string!(l, common.nav.scripts).into()),
        ("/ssh-keys", |l| td_string!(l, common.nav.ssh_keys).into()),
        ("/groups", |l| td_string!(l, common.nav.groups).into()),
    ]),
    (Some(|l| td_string!(l, common.nav.network).into()), &[
        ("/networks", |l| td_string!(l, common.nav.networks).into()),
    ]),
    (Some(|l| td_string!(l, common.nav.account).into()), &[
        ("/consumption", |l| td_string!(l, common.nav.consumption).into()),
        ("/logs", |l| td_string!(l, common.nav.logs).into()),
        ("/account", |l| td_string!(l, common.nav.my_account).into()),
    ]),
    (Some(|l| td_string!(l, common.nav.catalogue).into()), &[
        ("/plans", |l| td_string!(l, common.nav.plans).into()),
    ]),
    (Some(|l| td_string!(l, common.nav.panel).into()), &[
        ("/team", |l| td_string!(l, common.nav.team).into()),
        ("/audit", |l| td_string!(l, common.nav.audit).into()),
    ]),
];

/// The least role a link of the navigation is for (others: anyone signed in).
fn link_needs(href: &str) -> Role {
    match href {
        "/consumption" | "/team" | "/audit" => Role::Admin,
        "/servers/new" => Role::Operator,
        _ => Role::Viewer,
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    // Who is signed in, from the request (the route guard put it there), shared for hydration.
    let viewer = SharedValue::new(crate::auth::current_viewer).into_inner();
    provide_context(SignedInAs(viewer.clone()));
    // The API root for "Show the API call", shared with the browser like the viewer.
    let root = SharedValue::new(super::api_call::api_root).into_inner();
    provide_context(super::api_call::ApiRoot(root));
    let signed_in = viewer.is_some();
    let user = viewer.as_ref().map(|v| v.name.clone());
    // Team mode: the role beside the name, so people know what they may do.
    let role_shown = viewer.as_ref().filter(|v| v.team).map(|v| v.role.as_str());
    // The team page exists in team mode only; in personal mode the owner is the admin.
    let team = viewer.as_ref().is_some_and(|v| v.team);
    let role = viewer.as_ref().map_or(Role::Viewer, |v| v.role);
    let shown = move |href: &str| role >= link_needs(href) && (team || href != "/team");
    super::toast::provide_toasts();
    super::live::provide_live(signed_in);
    // Phones: the navigation folds behind a Menu button and closes again on every page change.
    let menu_open = RwSignal::new(false);
    let pathname = leptos_router::hooks::use_location().pathname;
    Effect::new(move |first: Option<()>| {
        pathname.track();
        menu_open.set(false);
        // Not on the page's first load: the browser starts at the top of a loaded page itself.
        if first.is_some() {
            crate::browser::focus_new_page();
        }
    });
    let i18n = use_i18n();
    let l = move || i18n.get_locale();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, common.skip_to_content)}</a>
        <header class="topbar">
            <a class="brand" href="/" aria-label=move || td_string!(l(), common.brand_label)>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">"ECS Panel"</span>
            </a>
            <button
                class="btn btn-sm menu-toggle"
                type="button"
                hidden=!signed_in
                aria-controls="mainnav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                {t!(i18n, common.menu)}
            </button>
            <LanguageSwitch />
            <UserMenu user role=role_shown />
        </header>
        <div class="shell" class:with-nav=signed_in>
            <nav class="mainnav" id="mainnav" aria-label=move || td_string!(l(), common.main_nav) hidden=!signed_in class:open=move || menu_open.get()>
                <div class="nav-inner">
                {NAV
                    .iter()
                    .filter(|(_, links)| links.iter().any(|(href, _)| shown(href)))
                    .map(|(group, links)| {
                        // The group's name is for the eye; labelling the lists with it would
                        // repeat "Network" next to the "Networks" link for screen readers.
                        view! {
                            <div class="nav-group">
                                {group.map(|g| view! { <span class="nav-heading" aria-hidden="true">{move || g(l())}</span> })}
                                <ul>
                                    {links
                                        .iter()
                                        .filter(|(href, _)| shown(href))
                                        .map(|(href, label)| view! {
                                            <li>
                                                <a href=*href aria-current=move || current(&pathname.get(), href).then_some("page")>
                                                    {move || label(l())}
                                                </a>
                                            </li>
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
                    .collect_view()}
                </div>
            </nav>
            <main id="main" class="content">
                {children()}
            </main>
        </div>
        <super::toast::ToastRegion />
        // Says the new page's title after a client-side navigation (browser::focus_new_page).
        <div id="page-announcer" class="sr-only" aria-live="polite" aria-atomic="true"></div>
        <footer class="footer">
            <span>"ECS Panel " <span class="version">{format!("v{}", crate::VERSION)}</span></span>
            <span class="muted">{t!(i18n, common.footer_tagline)}</span>
        </footer>
    }
}

/// Whether `href` is the section of `path`: a server's own page still counts as "Servers", but
/// the create form is "Create".
fn current(path: &str, href: &str) -> bool {
    match href {
        "/servers" => {
            path == "/servers" || (path.starts_with("/servers/") && path != "/servers/new")
        }
        "/" => path == "/",
        _ => path == href || path.starts_with(&format!("{href}/")),
    }
}

/// Who is signed in, and the way out; sign-out loads the sign-in page afresh.
#[component]
fn UserMenu(user: Option<String>, role: Option<&'static str>) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(target)) = logout.value().get() {
            crate::browser::load_page(&target);
        }
    });
    let i18n = use_i18n();
    view! {
        <div class="usermenu">
            {user.map(|name| {
                let initial = name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
                view! {
                    <a class="user" href="/account" data-testid="signed-in-user" title=move || td_string!(i18n.get_locale(), common.your_account)>
                        <span class="avatar" aria-hidden="true">{initial}</span>
                        <span class="user-name">{name}</span>
                        {role.map(|r| view! { <span class="user-role" data-testid="signed-in-role">{r}</span> })}
                    </a>
                    <ActionForm action=logout>
                        <button class="btn btn-ghost btn-sm" type="submit">{t!(i18n, common.sign_out)}</button>
                    </ActionForm>
                }
            })}
        </div>
    }
}

/// English or Italian, for everyone (also before signing in); the choice is kept in a cookie and
/// every later page is rendered in it on the server.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        // A new page rather than a re-render: words the server wrote (errors, summaries) follow.
        let chosen = event_target_value(&ev);
        if let Some(locale) = Locale::get_all().iter().find(|l| l.as_str() == chosen) {
            crate::browser::remember_language(locale.as_str());
            crate::browser::load_page(&crate::browser::current_path());
        }
    };
    view! {
        <label class="language-switch">
            <span class="sr-only">{t!(i18n, common.language_switch)}</span>
            <select data-testid="language" on:change=on_change>
                {Locale::get_all()
                    .iter()
                    .map(|locale| {
                        let locale = *locale;
                        view! {
                            <option value=locale.as_str() lang=locale.as_str() selected=move || i18n.get_locale() == locale>
                                {td_string!(locale, common.language)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
