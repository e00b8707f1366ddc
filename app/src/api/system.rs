//! Server-side facts about the panel itself.

use leptos::prelude::*;

/// The server's clock, formatted for people; proves the round trip after hydration.
#[server(endpoint = "server_time")]
pub async fn server_time() -> Result<String, ServerFnError> {
    Ok(format_now())
}

#[cfg(feature = "ssr")]
pub fn format_now() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%d %H:%M:%S%.3f UTC")
        .to_string()
}
