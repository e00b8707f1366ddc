//! Assembling the panel from its configuration: upstream (or the embedded simulator), the client,
//! the session store. Shared by `main` and the test harness, so tests run the production wiring.

use app::ecs::{ClientOptions, EcsClient};
use app::state::{DemoAccount, PanelState};
use leptos::prelude::LeptosOptions;

use crate::config::Config;
use app::auth::throttle::Throttle;
use app::team::TeamMode;

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
    let db = app::db::Db::open(&config.database)
        .await
        .map_err(|e| format!("ECS_PANEL_DATABASE_URL: {e}"))?;
    let team = team_mode(config, &db).await?;
    spawn_audit_retention(db.clone(), config.audit_retention);
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
            db,
            team,
            audit_retention: config.audit_retention,
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

/// Team mode from the configuration: the panel's token, or in the team demo the simulator's demo
/// token and the three seeded accounts.
async fn team_mode(config: &Config, db: &app::db::Db) -> Result<Option<TeamMode>, String> {
    if config.demo_team {
        app::team::users::seed_demo(db)
            .await
            .map_err(|e| format!("cannot seed the team demo's accounts: {e}"))?;
        tracing::info!("team mode (demo): admin/admin, operator/operator, viewer/viewer");
        return Ok(Some(TeamMode {
            token: ecs_simulator::DEMO_API_TOKEN.to_string().into(),
            demo_accounts: true,
        }));
    }
    Ok(config.team_token()?.map(|token| {
        tracing::info!("team mode: people sign in with panel accounts");
        TeamMode {
            token: token.into(),
            demo_accounts: false,
        }
    }))
}

/// Deletes audit entries past the retention now and every six hours.
fn spawn_audit_retention(db: app::db::Db, keep: std::time::Duration) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(6 * 3600));
        loop {
            every.tick().await;
            match app::audit::store::purge(&db, keep).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "audit entries past the retention deleted"),
                Err(e) => tracing::warn!(%e, "could not apply the audit retention"),
            }
        }
    });
}
