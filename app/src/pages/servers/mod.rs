//! `/servers` (`list/`), `/servers/{name}` (`detail/`) and `/servers/{name}/metrics`.

mod detail;
mod list;
mod metrics;

pub use detail::ServerDetailPage;
pub use list::ServersPage;
pub use metrics::ServerMetricsPage;
