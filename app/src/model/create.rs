//! The create-server form: what it offers (the catalogue and the account's library, fetched once)
//! and what the person chose. The form is kept in the tab's storage, so nothing typed is lost to an
//! error or a trip through sign-in.

use serde::{Deserialize, Serialize};

use super::server::GroupRef;

/// One plan as the plan table shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanOption {
    pub name: String,
    /// "Standard", "Windows", "High memory", "GPU", "AI accelerator".
    pub family: String,
    pub cpu: Option<u64>,
    /// "8 GB".
    pub ram: String,
    /// The same in MiB, for sorting and comparing.
    pub ram_mib: Option<u64>,
    pub disk_gb: Option<u64>,
    pub gpu: Option<String>,
    pub hourly: Option<f64>,
    pub monthly: Option<f64>,
    pub windows: bool,
    /// Regions the plan exists in (`/plans`).
    pub offered: Vec<String>,
    /// Regions where it can be created now, with the servers already on each host there
    /// (`/plans/availables`).
    pub placeable: Vec<Placement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub region: String,
    /// For each host with room: the names of your servers already on it.
    pub hosts: Vec<Vec<String>>,
}

/// Whether a plan can be created in a region now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Availability {
    Available,
    /// Offered there, but no host has room now.
    SoldOut,
    NotOffered,
}

impl PlanOption {
    pub fn availability(&self, region: &str) -> Availability {
        if !self.offered.iter().any(|r| r == region) {
            Availability::NotOffered
        } else if !self.placeable.iter().any(|p| p.region == region) {
            Availability::SoldOut
        } else {
            Availability::Available
        }
    }

    /// Why this plan cannot be created in `region` now, or None when it can.
    pub fn unavailable_in(&self, region: &str, city: &str) -> Option<String> {
        match self.availability(region) {
            Availability::NotOffered => {
                Some(crate::tr!(model.create.not_offered, city = city.to_string()).to_string())
            }
            Availability::SoldOut => {
                Some(crate::tr!(model.create.sold_out, city = city.to_string()).to_string())
            }
            Availability::Available => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionOption {
    pub code: String,
    pub city: String,
}

/// An image, template or cloud image to build from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageOption {
    /// What `image` is sent as.
    pub name: String,
    pub label: String,
    /// "Ubuntu", "Debian", "Windows"… (public images are grouped by it).
    pub os: String,
    pub windows: bool,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptOption {
    pub id: u64,
    pub title: String,
    pub windows: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerOption {
    pub name: String,
    pub notes: String,
    pub region: String,
}

/// Everything the form offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOptions {
    pub plans: Vec<PlanOption>,
    pub regions: Vec<RegionOption>,
    pub images: Vec<ImageOption>,
    pub templates: Vec<ImageOption>,
    pub cloud_images: Vec<ImageOption>,
    /// Labels of the registered SSH keys.
    pub ssh_keys: Vec<String>,
    pub scripts: Vec<ScriptOption>,
    pub groups: Vec<GroupRef>,
    pub servers: Vec<ServerOption>,
    /// The account's private networks (`net…`).
    pub networks: Vec<String>,
    /// Reserved periods are enabled for this account.
    pub reserved_available: bool,
    /// Today as `YYYYMMDD` (server time), for a generated name.
    pub today: String,
    /// A fresh form token: one submission of this form creates one server.
    pub form_token: String,
    /// Why what can be created right now is unknown (`/plans/availables` failed): every offered
    /// plan and region can then be chosen, and ECS says if it cannot place one.
    pub availability_unknown: Option<String>,
}

impl CreateOptions {
    pub fn plan(&self, name: &str) -> Option<&PlanOption> {
        self.plans.iter().find(|p| p.name == name)
    }

    pub fn city<'a>(&'a self, code: &'a str) -> &'a str {
        self.regions
            .iter()
            .find(|r| r.code == code)
            .map(|r| r.city.as_str())
            .unwrap_or(code)
    }

    /// The image by the name it is sent as, from any of the three lists.
    pub fn image(&self, name: &str) -> Option<&ImageOption> {
        self.images
            .iter()
            .chain(&self.templates)
            .chain(&self.cloud_images)
            .find(|i| i.name == name)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScriptMode {
    #[default]
    None,
    /// Script text written here, used once.
    OneOff,
    /// A script from the library, with environment variables.
    Library,
}

/// One `NAME="value"` row of the environment editor.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvVar {
    pub name: String,
    pub value: String,
}

impl std::fmt::Debug for EnvVar {
    /// The value may be a secret: a `Debug` of the form never prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnvVar")
            .field("name", &self.name)
            .field("value", &"<redacted>")
            .finish()
    }
}

/// What the person chose. Empty strings mean "not chosen"; a missing field is its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateForm {
    pub plan: String,
    pub region: String,
    pub image: String,
    pub notes: String,
    pub ssh_key: String,
    pub script_mode: ScriptMode,
    pub script: String,
    pub library_script: Option<u64>,
    pub env: Vec<EnvVar>,
    pub isolate_from: Vec<String>,
    /// A private network to attach it to (`net…`), or empty.
    pub network: String,
    /// Its VLAN id (made the PVID) or a range, when a network is chosen.
    pub network_vlans: String,
    pub group: String,
    /// "", "basic" or "global".
    pub support: String,
    /// 0 = not reserved; else 3, 6, 12 or 24.
    pub reserved_months: u32,
    pub form_token: String,
}

/// Where the API said it is building the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    pub name: String,
    pub notes: String,
    pub action: Option<u64>,
}
