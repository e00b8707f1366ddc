//! The app shell: header with navigation, the page, and the footer.

use leptos::prelude::*;

use crate::api::auth::Logout;
use crate::model::team::{Role, Viewer};

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

/// The main navigation, in the groups Seeweb's own panel uses; every link stays visible (a
/// sidebar on desktops, the Menu list on phones). The current page has `aria-current="page"`.
const NAV: &[(&str, &[(&str, &str)])] = &[
    ("", &[("/", "Dashboard")]),
    (
        "Compute",
        &[
            ("/servers", "Servers"),
            ("/servers/new", "Create"),
            ("/templates", "Templates"),
            ("/actions", "Actions"),
        ],
    ),
    (
        "Library",
        &[
            ("/scripts", "Scripts"),
            ("/ssh-keys", "SSH keys"),
            ("/groups", "Groups"),
        ],
    ),
    ("Network", &[("/networks", "Networks")]),
    (
        "Account",
        &[
            ("/consumption", "Consumption"),
            ("/logs", "Logs"),
            ("/account", "Account"),
        ],
    ),
    ("Catalogue", &[("/plans", "Plans")]),
    ("Panel", &[("/team", "Team"), ("/audit", "Audit log")]),
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
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <a class="brand" href="/" aria-label="ECS Panel, dashboard">
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
                "Menu"
            </button>
            <UserMenu user role=role_shown />
        </header>
        <div class="shell" class:with-nav=signed_in>
            <nav class="mainnav" id="mainnav" aria-label="Main" hidden=!signed_in class:open=move || menu_open.get()>
                <div class="nav-inner">
                {NAV
                    .iter()
                    .filter(|(_, links)| links.iter().any(|(href, _)| shown(href)))
                    .map(|(group, links)| {
                        // The group's name is for the eye; labelling the lists with it would
                        // repeat "Network" next to the "Networks" link for screen readers.
                        view! {
                            <div class="nav-group">
                                {(!group.is_empty()).then(|| view! { <span class="nav-heading" aria-hidden="true">{*group}</span> })}
                                <ul>
                                    {links
                                        .iter()
                                        .filter(|(href, _)| shown(href))
                                        .map(|(href, label)| view! {
                                            <li>
                                                <a href=*href aria-current=move || current(&pathname.get(), href).then_some("page")>
                                                    {*label}
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
            <span class="muted">"A control panel for Seeweb Cloud Server"</span>
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
    view! {
        <div class="usermenu">
            {user.map(|name| {
                let initial = name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
                view! {
                    <a class="user" href="/account" data-testid="signed-in-user" title="Your account">
                        <span class="avatar" aria-hidden="true">{initial}</span>
                        <span class="user-name">{name}</span>
                        {role.map(|r| view! { <span class="user-role" data-testid="signed-in-role">{r}</span> })}
                    </a>
                    <ActionForm action=logout>
                        <button class="btn btn-ghost btn-sm" type="submit">"Sign out"</button>
                    </ActionForm>
                }
            })}
        </div>
    }
}
