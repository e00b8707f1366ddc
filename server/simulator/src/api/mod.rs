//! The ECS API v2 as the simulator serves it under `/ecs/v2`: one handler module per resource,
//! authentication (`auth.rs`), loose request parsing (`input.rs`), list paging (`listing.rs`) and
//! the answers' JSON forms (`wire.rs`). Handlers read and change the `world` through the `Store`.

mod account;
mod actions;
mod auth;
mod billing;
mod catalogue;
mod error;
mod groups;
pub mod input;
mod listing;
mod logs;
mod metrics;
mod networks;
mod scripts;
mod server_actions;
mod server_create;
mod servers;
mod snapshots;
mod sshkeys;
mod support;
mod templates;
mod vlans;
mod wire;

use axum::handler::Handler;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::{get, patch, post, put, MethodRouter};
use axum::Router;

use crate::store::Store;
use crate::world::error::SimError;

/// Every API route; `/login` is the only one without authentication. The state is given by the
/// caller, after it has wrapped the routes in the request log and fault injection.
pub fn router(store: Store) -> Router<Store> {
    let authed = Router::new()
        .route("/account", get(account::get).post(account::change_password))
        .route("/keys", get(account::list_keys).post(account::create_key))
        .route(
            "/keys/{id}",
            put(account::rename_key)
                .patch(account::rename_key)
                .delete(account::delete_key),
        )
        .route("/servers", get(servers::list).post(server_create::create))
        .route(
            "/servers/{name}",
            item(servers::get, servers::update, servers::delete),
        )
        .route("/servers/{name}/status", get(servers::status))
        .route("/servers/{name}/actions", post(server_actions::run))
        .route("/servers/{name}/metrics", get(metrics::metrics))
        .route("/servers/{name}/isolations", get(servers::isolations))
        .route("/servers/{name}/reserved", post(support::add_reserved))
        .route(
            "/servers/{name}/support",
            post(support::set_support).delete(support::remove_support),
        )
        .route(
            "/servers/{name}/snapshots",
            get(snapshots::list).post(snapshots::create),
        )
        .route(
            "/servers/{name}/snapshots/{id}",
            item(snapshots::get, snapshots::update, snapshots::delete),
        )
        .route("/servers/{name}/crons", post(snapshots::create_cron))
        .route(
            "/servers/{name}/crons/{cron}",
            get(snapshots::get_cron)
                .patch(snapshots::update_cron)
                .delete(snapshots::delete_cron),
        )
        .route(
            "/servers/{name}/networks/{net}/vlans",
            get(vlans::list_vlans).post(vlans::add_vlans),
        )
        .route(
            "/servers/{name}/networks/{net}/vlans/{vlan}",
            patch(vlans::update_vlan).delete(vlans::delete_vlans),
        )
        .route("/networks", get(networks::list).post(networks::create))
        .route(
            "/networks/{name}",
            get(networks::get).delete(networks::delete),
        )
        .route("/actions", get(actions::list))
        .route("/actions/{id}", get(actions::get))
        .route("/logs", get(logs::list))
        .route("/logs/{id}", get(logs::get))
        .route("/billing/{kind}/{year}/{month}", get(billing::billing))
        .route("/regions", get(catalogue::regions))
        .route("/regions/availables", post(catalogue::regions_available))
        .route("/plans", get(catalogue::plans))
        .route("/plans/availables", get(catalogue::plans_available))
        .route("/images/basics", get(catalogue::basic_images))
        .route("/images/cloud-images", get(catalogue::cloud_images))
        .route("/templates", get(templates::list).post(templates::create))
        .route(
            "/templates/{key}",
            item(templates::get, templates::update, templates::delete),
        )
        .route("/scripts", get(scripts::list).post(scripts::create))
        .route(
            "/scripts/{id}",
            item(scripts::get, scripts::update, scripts::delete),
        )
        .route("/sshkeys", get(sshkeys::list).post(sshkeys::create))
        .route(
            "/sshkeys/{id}",
            item(sshkeys::get, sshkeys::rename, sshkeys::delete),
        )
        .route("/groups", get(groups::list).post(groups::create))
        .route("/groups/{id}", get(groups::get).delete(groups::delete))
        .route_layer(from_fn_with_state(store, auth::require_auth));
    Router::new()
        .route("/login", post(auth::login))
        .merge(authed)
        .fallback(|| async { SimError::not_found("Not found").into_response() })
}

/// One record's routes: GET, an update under both PUT (the docs) and PATCH (the SDK), DELETE.
fn item<G, U, D, TG, TU, TD>(read: G, update: U, delete: D) -> MethodRouter<Store>
where
    G: Handler<TG, Store>,
    U: Handler<TU, Store>,
    D: Handler<TD, Store>,
    TG: 'static,
    TU: 'static,
    TD: 'static,
{
    get(read).put(update.clone()).patch(update).delete(delete)
}
