//! `/actions`: every asynchronous operation and how far it got.

use axum::extract::{Path, Query};
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::listing::PageQuery;
use crate::api::wire;
use crate::world::actions::Action;
use crate::world::error::SimResult;
use crate::world::records::{parse_id, Records};

/// `GET /actions`: newest first; the resource filter applies before paging (as documented).
pub async fn list(
    Call { store, user }: Call,
    Query(query): Query<PageQuery>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let account = world.account(&user)?;
    let page = query.page(&account.actions, |a| &a.resource)?;
    let actions: Vec<Value> = page
        .items
        .iter()
        .map(|a| wire::action(a, now, legacy))
        .collect();
    Ok(Json(
        json!({ "status": "ok", "actions": actions, "total_actions": page.total }),
    ))
}

/// `GET /actions/{id}`.
pub async fn get(Call { store, user }: Call, Path(id): Path<String>) -> SimResult<Json<Value>> {
    let id = parse_id::<Action>(&id)?;
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let action = world.account(&user)?.actions.by_id(id)?;
    Ok(Json(
        json!({ "status": "ok", "action": wire::action(action, now, legacy) }),
    ))
}
