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

// Shared with the library pages; re-exported for the servers modules' `super::` paths.
pub(crate) use crate::components::error_view::report;
pub(crate) use crate::components::live::reload_on_activity;
