//! The app shell: header with navigation, the page, and the footer.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

use crate::auth::api::{whoami, Logout};

/// The main navigation; `A` marks the current page with `aria-current="page"`.
const NAV: &[(&str, &str)] = &[
    ("/servers", "Servers"),
    ("/servers/new", "Create"),
    ("/actions", "Actions"),
    ("/templates", "Templates"),
    ("/groups", "Groups"),
    ("/ssh-keys", "SSH keys"),
    ("/scripts", "Scripts"),
    ("/plans", "Plans"),
];

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">"ECS Panel"</span>
            </a>
            <nav class="mainnav" aria-label="Main">
                <ul>
                    {NAV
                        .iter()
                        .map(|(href, label)| {
                            view! {
                                <li>
                                    <A href=*href exact=true>
                                        {*label}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <UserMenu />
        </header>
        <main id="main" class="content">
            {children()}
        </main>
        <footer class="footer">
            <span>"ECS Panel " <span class="version">{format!("v{}", crate::VERSION)}</span></span>
            <span class="muted">"A control panel for Seeweb Cloud Server"</span>
        </footer>
    }
}

/// Who is signed in, and the way out. Re-read on every navigation (one session lookup).
#[component]
fn UserMenu() -> impl IntoView {
    let location = use_location();
    let me = Resource::new(move || location.pathname.get(), |_| whoami());
    let logout = ServerAction::<Logout>::new();
    view! {
        <div class="usermenu">
            <Transition>
                {move || {
                    me.get().and_then(Result::ok).and_then(|w| w.username).map(|name| {
                        view! {
                            <span class="user" data-testid="signed-in-user" title="Signed in">
                                <span class="avatar" aria-hidden="true">
                                    {name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default()}
                                </span>
                                <span class="user-name">{name}</span>
                            </span>
                            <ActionForm action=logout>
                                <button class="btn btn-ghost btn-sm" type="submit">"Sign out"</button>
                            </ActionForm>
                        }
                    })
                }}
            </Transition>
        </div>
    }
}
