//! `/servers` and `/servers/{name}`.

mod actions_tab;
mod bulk;
mod detail;
mod detail_head;
mod filters;
mod list;
mod metrics;
mod overview_tab;
mod settings_tab;
mod support_reserved;
mod table;

pub use detail::ServerDetailPage;
pub use list::ServersPage;
pub use metrics::ServerMetricsPage;

use leptos::prelude::*;

use crate::components::live::Live;
use crate::error::AppError;

/// Reloads `resource` whenever the live feed says an action started or ended (not on the first
/// run: the page has just loaded it).
fn reload_on_activity(live: Live, refetch: impl Fn() + 'static) {
    Effect::new(move |prev: Option<u64>| {
        let n = live.changed.get();
        if prev.is_some_and(|p| p != n) {
            refetch();
        }
        n
    });
}

/// Shows how a mutation ended: a toast, a field error in place, or sign-in.
fn report<T>(result: &Result<T, AppError>, ok: impl FnOnce(&T) -> String) {
    match result {
        Ok(v) => crate::components::toast::use_toasts().ok(ok(v)),
        Err(e) => crate::components::error_view::report_failure(e),
    }
}
