//! The catalogue: regions, plans, images (templates share the image shape).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::de;
use super::enums::ImageStatus;

/// A region (`/regions` items carry `id` in the older doc only).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Region {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(deserialize_with = "de::name")]
    pub location: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub description: Option<String>,
}

/// A plan from `/plans` or `/plans/availables` (the latter adds what can be created now).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Plan {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(deserialize_with = "de::name")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub cpu: Option<u64>,
    /// MiB.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub ram: Option<u64>,
    /// GB.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub disk: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub gpu: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub gpu_label: Option<String>,
    /// EUR.
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub hourly_price: Option<f64>,
    /// EUR; `montly_price` (sic) upstream.
    #[serde(
        default,
        rename = "montly_price",
        alias = "monthly_price",
        deserialize_with = "de::opt_f64"
    )]
    pub monthly_price: Option<f64>,
    #[serde(default, deserialize_with = "de::flag")]
    pub windows: bool,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub host_type: Option<String>,
    /// Missing → true: a plan that is listed is offered unless it says otherwise.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub available: Option<bool>,
    /// Compatible regions, not necessarily placeable now.
    #[serde(default, deserialize_with = "de::list")]
    pub available_regions: Vec<Region>,
    /// `/plans/availables` only: images that can be used with the plan now.
    #[serde(default, deserialize_with = "de::list")]
    pub os_availables: Vec<Image>,
    /// `/plans/availables` only: where the plan can be created now, host by host.
    #[serde(default, deserialize_with = "de::list")]
    pub region_availables: Vec<RegionHosts>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RegionHosts {
    #[serde(deserialize_with = "de::name")]
    pub region: String,
    #[serde(default, deserialize_with = "de::list")]
    pub hosts: Vec<Host>,
}

/// A physical host with room for the plan, and which of your servers already sit on it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Host {
    #[serde(deserialize_with = "de::name")]
    pub host: String,
    #[serde(default, deserialize_with = "de::list")]
    pub servers: Vec<HostServer>,
}

/// A server on a host: `"ec000025"` (current doc) or `{name, notes}` (live).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostServer {
    pub name: String,
    pub notes: Option<String>,
}

impl<'de> Deserialize<'de> for HostServer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let (name, notes) = match &v {
            Value::Object(map) => (
                map.get("name").and_then(de::text_of),
                map.get("notes").and_then(de::text_of),
            ),
            other => (de::text_of(other), None),
        };
        let name = name.ok_or_else(|| serde::de::Error::custom("host server without a name"))?;
        Ok(Self { name, notes })
    }
}

/// A public image, a cloud image or a private template (same shape).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Image {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(deserialize_with = "de::name")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub creation_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub deletion_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::flag")]
    pub active_flag: bool,
    #[serde(default)]
    pub status: ImageStatus,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub uuid: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
    #[serde(default, deserialize_with = "de::flag")]
    pub public: bool,
    #[serde(default, deserialize_with = "de::flag")]
    pub cloud_image: bool,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub so_base: Option<String>,
    /// GB.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub required_disk: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub api_version: Option<String>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub api_version_value: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub version: Option<String>,
}

/// A private template: the image shape.
pub type Template = Image;
