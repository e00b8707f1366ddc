//! Assembling the panel from its configuration: upstream (or the embedded simulator), the client,
//! the session store. Shared by `main` and the test harness, so tests run the production wiring.

use app::ecs::{ClientOptions, EcsClient};
use app::state::{DemoAccount, PanelState};
use leptos::prelude::LeptosOptions;

use crate::config::Config;
use app::auth::throttle::Throttle;

use crate::http_stack::{Limits, Panel};
use crate::security::AllowedOrigin;
use crate::session::{session_layer, AnyStore};
use ecs_simulator::SimHandle;

/// Builds the panel. In demo mode it first starts the simulator on a loopback port and points the
/// client at it over real HTTP, exactly as it would talk to Seeweb; the handle keeps it running.
pub async fn build_panel(
    config: &Config,
    options: LeptosOptions,
) -> Result<(Panel, Option<SimHandle>), String> {
    let (api_url, demo, sim) = match &config.api_url {
        Some(url) => (url.clone(), None, None),
        None => {
            let sim = ecs_simulator::spawn_on(config.sim_addr, config.simulator.to_config())
                .await
                .map_err(|e| format!("cannot start the embedded simulator: {e}"))?;
            tracing::info!("embedded ECS simulator on {}", sim.base_url());
            let demo = DemoAccount {
                username: "demo".into(),
                password: "demo".into(),
            };
            (sim.base_url(), Some(demo), Some(sim))
        }
    };
    let (store, shared) = AnyStore::open(&config.session_store_kind()?).await?;
    let client = EcsClient::new(
        &api_url,
        ClientOptions {
            connect_timeout: config.connect_timeout,
            timeout: config.request_timeout,
            ..ClientOptions::default()
        },
    )
    .map_err(|e| format!("ECS_API_URL: {e}"))?
    // The server list's short-lived copies, kept current across replicas by the shared store.
    .with_list_cache(shared.clone());
    let panel = Panel {
        options,
        state: PanelState {
            client,
            demo,
            throttle: Throttle::new(shared.clone()),
            shared,
            api_token_session: config.api_token_lifetime,
        },
        trusted_proxies: config.trusted_proxies()?,
        limits: Limits {
            header_timeout: config.header_timeout,
            response_timeout: config.response_timeout,
            max_concurrent: config.max_concurrent,
        },
        sessions: session_layer(store, config.cookie_secure(), config.idle_timeout),
        hsts: config
            .public_origin()
            .is_some_and(|o| o.starts_with("https://")),
        allowed_origin: AllowedOrigin(config.public_origin()),
    };
    Ok((panel, sim))
}
