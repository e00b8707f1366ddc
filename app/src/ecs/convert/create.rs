//! `/servers/new`: what the form offers, gathered from the catalogue and the account's library,
//! and the form's body as the upstream request (`POST /servers`) and its answer.

use super::catalogue::{plan_options, plan_options_offered, region_options};
use super::group::group_refs;
use super::server::support_code;
use crate::ecs::dto::{self, ServerCreate, SupportCode, UserCustomize};
use crate::model::create::{CreateOptions, Created, ImageOption, ScriptOption, ServerOption};
use crate::model::create_check::CreateBody;

/// The answers the form is built from. Only the catalogue must have been read; the rest only
/// enrich the form, and an empty list is better than no form.
pub struct Parts {
    pub plans: Vec<dto::Plan>,
    /// `/plans/availables`, or why it could not be read.
    pub placeable: Result<Vec<dto::Plan>, String>,
    pub regions: Vec<dto::Region>,
    pub images: Vec<dto::Image>,
    pub cloud: Vec<dto::Image>,
    pub templates: Vec<dto::Template>,
    pub keys: Vec<dto::SshKey>,
    pub scripts: Vec<dto::Script>,
    pub groups: Vec<dto::Group>,
    pub servers: Vec<dto::Server>,
    pub networks: Vec<dto::Network>,
    pub reserved_available: bool,
    /// `YYYYMMDD`, for the generated name of a server left unnamed.
    pub today: String,
    /// What makes a repeated submission of this form recognisable.
    pub form_token: String,
}

fn os_of(name: &str) -> String {
    let n = name.to_ascii_lowercase();
    for (prefix, os) in [
        ("ubuntu", "Ubuntu"),
        ("debian", "Debian"),
        ("almalinux", "AlmaLinux"),
        ("rocky", "Rocky Linux"),
        ("centos", "CentOS"),
        ("windows", "Windows"),
    ] {
        if n.starts_with(prefix) || n.contains(prefix) {
            return os.to_string();
        }
    }
    crate::tr!(ecs.os_other).to_string()
}

fn image(i: &dto::Image) -> ImageOption {
    let base = i.so_base.clone().unwrap_or_else(|| i.name.clone());
    let os = os_of(&base);
    ImageOption {
        label: i
            .description
            .clone()
            .filter(|d| !d.is_empty())
            .or_else(|| i.notes.clone().filter(|n| !n.is_empty()))
            .unwrap_or_else(|| i.name.clone()),
        windows: os == "Windows",
        os,
        description: i.notes.clone().unwrap_or_default(),
        name: i.name.clone(),
    }
}

pub fn options(p: Parts) -> CreateOptions {
    let usable = |i: &&dto::Image| {
        !matches!(
            i.status,
            dto::ImageStatus::Deleted | dto::ImageStatus::Deleting | dto::ImageStatus::Failed
        )
    };
    let mut images: Vec<ImageOption> = p.images.iter().filter(usable).map(image).collect();
    // Grouped by OS, newest version first.
    images.sort_by(|a, b| a.os.cmp(&b.os).then(b.name.cmp(&a.name)));
    let (plans, availability_unknown) = match &p.placeable {
        Ok(placeable) => (plan_options(&p.plans, placeable), None),
        Err(why) => (plan_options_offered(&p.plans), Some(why.clone())),
    };
    CreateOptions {
        availability_unknown,
        plans,
        regions: region_options(&p.regions),
        images,
        templates: p.templates.iter().filter(usable).map(image).collect(),
        cloud_images: p.cloud.iter().filter(usable).map(image).collect(),
        ssh_keys: p.keys.iter().map(|k| k.label.clone()).collect(),
        scripts: p
            .scripts
            .iter()
            .map(|s| ScriptOption {
                id: s.id,
                title: s.title.clone(),
                windows: s.windows,
            })
            .collect(),
        groups: group_refs(&p.groups),
        servers: p
            .servers
            .iter()
            .map(|s| ServerOption {
                name: s.name.clone(),
                notes: s.notes.clone().unwrap_or_default(),
                region: s.location.clone(),
            })
            .collect(),
        networks: p.networks.into_iter().map(|n| n.name).collect(),
        reserved_available: p.reserved_available,
        today: p.today,
        form_token: p.form_token,
    }
}

/// The checked form's body as `POST /servers` takes it.
pub fn request(b: CreateBody) -> ServerCreate {
    ServerCreate {
        plan: b.plan,
        location: b.location,
        image: b.image,
        notes: Some(b.notes),
        ssh_key: b.ssh_key,
        group: b.group,
        // The form's check leaves only `basic` and `global` here.
        support: b
            .support
            .as_deref()
            .map(|s| support_code(s).unwrap_or(SupportCode::Basic)),
        reserved_plan: b.reserved_plan,
        user_customize: b.user_customize.map(|v| match v.as_u64() {
            Some(id) => UserCustomize::Library(id),
            None => UserCustomize::Script(v.as_str().unwrap_or_default().to_string()),
        }),
        user_customize_env: b.user_customize_env.map(secrecy::SecretString::from),
        isolate_from: b.isolate_from,
        networks: b.networks.map(|n| {
            n.into_iter()
                .map(|c| dto::NetworkAttachment {
                    name: c.name,
                    vlans: c.vlans.iter().filter_map(vlan_spec).collect(),
                })
                .collect()
        }),
        ..Default::default()
    }
}

/// One VLAN of the form's body as the upstream type: an id with its PVID flag, or a range.
fn vlan_spec(v: &serde_json::Value) -> Option<dto::VlanSpec> {
    match v.get("vlans").and_then(|r| r.as_str()) {
        Some(range) => Some(dto::VlanSpec::Range {
            vlans: range.to_string(),
        }),
        None => Some(dto::VlanSpec::Single {
            vlan_id: u32::try_from(v.get("vlan_id")?.as_u64()?).ok()?,
            pvid: v.get("pvid").and_then(|p| p.as_bool()).unwrap_or(false),
        }),
    }
}

/// The new server and the action building it; `sent_notes` when the answer names none.
pub fn created(answer: &dto::CreatedServer, sent_notes: String) -> Created {
    Created {
        name: answer.server.name.clone(),
        notes: answer.server.notes.clone().unwrap_or(sent_notes),
        action: answer.action_id,
    }
}
