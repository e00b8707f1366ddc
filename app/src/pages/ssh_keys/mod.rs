//! `/ssh-keys`: public keys you can put on new servers.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SshKeysPage() -> impl IntoView {
    view! {
        <Title text="SSH keys" />
        <div class="page-head">
            <h1>"SSH keys"</h1>
            <p class="lead">"Public keys you can put on new servers."</p>
        </div>
    }
}
