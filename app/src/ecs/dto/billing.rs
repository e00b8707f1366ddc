//! `GET /billing/{servers|templates|snapshots}/{year}/{month}`: a month's consumption.

use serde::Deserialize;

use super::de;

/// One server's month (`/billing/servers/…`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ServerUsage {
    #[serde(default, deserialize_with = "de::string")]
    pub plan: String,
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub group: Option<String>,
    /// The server's display name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
    #[serde(default, deserialize_with = "de::string")]
    pub status: String,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub billed_hours: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub cost: Option<f64>,
    #[serde(default)]
    pub summary: Option<UsageSummary>,
}

/// How a server's cost came about.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct UsageSummary {
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub online_hour: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub online_price: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub offline_hour: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub offline_discount: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub offline_reduction: Option<f64>,
    #[serde(default, deserialize_with = "de::list")]
    pub reserved_discounts: Vec<ReservedDiscount>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub original_cost: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReservedDiscount {
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub reserved_hour: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub reserved_discount: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub reserved_reduction: Option<f64>,
}

/// One template's month.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TemplateUsage {
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
    #[serde(default, deserialize_with = "de::string")]
    pub status: String,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub hours: Option<f64>,
    /// KiB.
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub size_on_disk: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub cost: Option<f64>,
}

/// One snapshot's month.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SnapshotUsage {
    #[serde(default, deserialize_with = "de::opt_string")]
    pub snapshot: Option<String>,
    #[serde(default, deserialize_with = "de::string")]
    pub snapshot_name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub snapshot_status_label: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub snapshot_description: Option<String>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub hours: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub size_on_disk: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub final_cost: Option<f64>,
}

/// `/billing/snapshots/…`: an envelope with the rows under `snapshots`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SnapshotBilling {
    #[serde(default, deserialize_with = "de::list")]
    pub snapshots: Vec<SnapshotUsage>,
}
