//! Support plans (`/servers/{n}/support`) and reserved periods (`/servers/{n}/reserved`), with the
//! documented errors. Both can also be chosen at creation (see `server_create.rs`).

use axum::extract::Path;
use axum::Json;
use chrono::{DateTime, Months, Utc};
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{as_int, JsonBody};
use crate::api::wire;
use crate::world::catalogue::{self, Plan};
use crate::world::error::{SimError, SimResult};
use crate::world::support::{Reservation, Support};

/// Resolves a reserved plan given as an id or as `M{months}P{plan}` (e.g. `M12PECS1`).
pub fn parse_reserved(raw: &Value) -> SimResult<(&'static Plan, u32, u32, u32)> {
    let not_found = || SimError::not_found("Reserved plan not found");
    if let Some(id) = as_int(raw) {
        let id = u32::try_from(id).map_err(|_| not_found())?;
        let (plan, months, discount) = catalogue::reserved_plan_by_id(id).ok_or_else(not_found)?;
        return Ok((plan, months, discount, id));
    }
    let text = raw.as_str().map(str::trim).unwrap_or("");
    let invalid =
        || SimError::bad("Invalid formula to define reserved plan: use id or MxxPxxxx (M12PECS1)");
    let rest = text.strip_prefix(['M', 'm']).ok_or_else(invalid)?;
    let split = rest.find(['P', 'p']).ok_or_else(invalid)?;
    let (months, plan) = (&rest[..split], &rest[split + 1..]);
    if months.is_empty() || !months.bytes().all(|b| b.is_ascii_digit()) || plan.is_empty() {
        return Err(invalid());
    }
    let months: u32 = months.parse().map_err(|_| not_found())?;
    let plan = catalogue::plan(plan).ok_or_else(not_found)?;
    let discount = catalogue::reserved_discount(months).ok_or_else(not_found)?;
    let id = catalogue::reserved_plan_id(plan, months).ok_or_else(not_found)?;
    Ok((plan, months, discount, id))
}

/// Validates a reserved plan for a server of `server_plan` and builds the period, starting when
/// the current one (if any) ends.
pub fn reservation(
    raw: Option<&Value>,
    allowed: bool,
    server_plan: &str,
    start: DateTime<Utc>,
    id: u64,
) -> SimResult<Reservation> {
    let raw = raw
        .filter(|v| !v.is_null())
        .ok_or_else(|| SimError::topic("reserved_plan"))?;
    if !allowed {
        return Err(SimError::bad(
            "Reserved Plans are not available for your profile",
        ));
    }
    let (plan, months, discount, reserved_plan) = parse_reserved(raw)?;
    if !plan.name.eq_ignore_ascii_case(server_plan) {
        return Err(SimError::bad(
            "Can't add a reserved plan to a server with a different resource plan",
        ));
    }
    let end = start
        .checked_add_months(Months::new(months))
        .unwrap_or(start);
    Ok(Reservation {
        id,
        reserved_plan,
        months,
        plan_id: plan.id,
        discount,
        start,
        end,
    })
}

/// `POST /servers/{name}/reserved {reserved_plan}` → the DiscountRecord.
pub async fn add_reserved(
    Call { store, user }: Call,
    Path(name): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    world.next.reserved += 1;
    let id = world.next.reserved;
    let account = world.account_mut(&user)?;
    let allowed = account.reserved_available;
    let server = account.server_mut(&name)?;
    let start = server.reserved_until(now).unwrap_or(now);
    let record = reservation(body.get("reserved_plan"), allowed, &server.plan, start, id)?;
    let answer = wire::reservation(&record, &server.name, legacy);
    server.reservations.push(record);
    world.log(&user, now, "Add reserved plan", &name, None);
    Ok(Json(answer))
}

/// `POST /servers/{name}/support {code}`: add, upgrade or (after the period) downgrade.
pub async fn set_support(
    Call { store, user }: Call,
    Path(name): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let code = body.get("code").and_then(Value::as_str).unwrap_or("");
    let (mut world, now) = store.lock();
    let server = world.account_mut(&user)?.server_mut(&name)?;
    let wanted = Support::new(code, now)?;
    if let Some(current) = &server.support {
        if current.immutable {
            return Err(SimError::bad("You cannot edit an immutable support plan"));
        }
        if wanted.weight < current.weight && !current.may_downgrade(now) {
            return Err(SimError::bad(
                "You cannot downgrade a support plan, plan not yet finished...",
            ));
        }
    }
    let keep = server
        .support
        .as_ref()
        .is_some_and(|c| c.code == wanted.code);
    if !keep {
        server.support = Some(wanted);
    }
    let answer = server
        .support
        .as_ref()
        .map(|s| wire::support(s, server, now));
    world.log(&user, now, "Set support plan", &name, None);
    Ok(Json(json!({ "status": "ok", "support": answer })))
}

/// `DELETE /servers/{name}/support`: back to unmanaged, once the period is over.
pub async fn remove_support(
    Call { store, user }: Call,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    let server = world.account_mut(&user)?.server_mut(&name)?;
    if let Some(current) = &server.support {
        if current.immutable {
            return Err(SimError::bad("You cannot modify an immutable support plan"));
        }
        if !current.may_downgrade(now) {
            return Err(SimError::bad(
                "You cannot downgrade a support plan, unfinished plan...",
            ));
        }
    }
    server.support = None;
    world.log(&user, now, "Remove support plan", &name, None);
    Ok(Json(json!({ "status": "ok" })))
}
