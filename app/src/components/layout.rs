//! The app shell: header with navigation, the page, and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

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
