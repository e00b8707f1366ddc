//! Server function of `/audit` (admins): one page of the audit log, filtered as the URL says. The
//! CSV export is the server crate's `/audit/export` (a download, not a server function).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::audit::{AuditFilter, AuditPage};

pub const PER_PAGE: usize = 50;

#[server(endpoint = "audit_list")]
pub async fn list_audit(
    #[server(default)] filter: AuditFilter,
    #[server(default)] page: usize,
) -> Result<AuditPage, AppError> {
    use crate::audit::store;
    let state = crate::state::panel_state()?;
    let me = crate::access::require(crate::model::team::Role::Admin)?;
    let filter = own_entries(filter, &me);
    if let Some(problem) = store::filter_problem(&filter) {
        return Err(AppError::at(problem));
    }
    // Pages count from 1, as every table's URL does.
    let page = page.clamp(1, 10_000);
    let (rows, total) = store::page(&state.db, &filter, (page - 1) * PER_PAGE, PER_PAGE)
        .await
        .map_err(crate::api::team::ssr::db_error)?;
    Ok(AuditPage {
        rows,
        total,
        page,
        per_page: PER_PAGE,
        retention: crate::locale::span(state.audit_retention, crate::locale::untracked()),
    })
}

/// In personal mode everyone who signs in is the admin of their own ECS account, and several
/// accounts may share one panel: each sees only the entries made under its own username.
#[cfg(feature = "ssr")]
pub fn own_entries(mut filter: AuditFilter, me: &crate::auth::CurrentUser) -> AuditFilter {
    if me.user_id.is_none() {
        filter.actor = me.name.clone();
    }
    filter
}
