//! The create form's rules, run in the browser before submit and again on the server (which is
//! authoritative), and the exact request body it becomes (also shown as a `curl` command).

use serde::Serialize;

use super::create::{CreateForm, CreateOptions, ScriptMode};
use super::refusal::first_rule;
use super::server;

/// The body of `POST /servers`, with exactly the documented names; unset fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateBody {
    pub plan: String,
    pub location: String,
    pub image: String,
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_plan: Option<String>,
    /// Script text (one-off) or a library script's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_customize: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_customize_env: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isolate_from: Option<Vec<String>>,
    /// `[{name, vlans: [{vlan_id, pvid: true}] | [{vlans: "a-b"}]}]`, as the docs show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<NetworkChoice>>,
}

/// A private network chosen at creation, and its VLANs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkChoice {
    pub name: String,
    pub vlans: Vec<serde_json::Value>,
}

/// The network chosen on the form, as the body carries it (none when none is chosen or the VLANs
/// cannot be read: the check says why).
fn network_choice(form: &CreateForm) -> Option<Vec<NetworkChoice>> {
    let name = form.network.trim();
    if name.is_empty() {
        return None;
    }
    let (first, last) = super::network::parse_vlans(&form.network_vlans).ok()?;
    let vlan = if first == last {
        serde_json::json!({ "vlan_id": first, "pvid": true })
    } else {
        serde_json::json!({ "vlans": format!("{first}-{last}") })
    };
    Some(vec![NetworkChoice {
        name: name.to_string(),
        vlans: vec![vlan],
    }])
}

/// As Seeweb's panel does for a blank name: from the image, the plan, the region and the date
/// (`ubuntu-2404-eCS2-it-fr2-20261124`).
pub fn generated_name(form: &CreateForm, today: &str) -> String {
    let image = form.image.rsplit('/').next().unwrap_or(&form.image);
    [image, &form.plan, &form.region, today]
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("-")
}

/// The display name to send: what was typed (blanks become "-"), or the generated one.
pub fn display_name(form: &CreateForm, today: &str) -> String {
    let typed = server::display_name(&form.notes);
    if typed.is_empty() {
        generated_name(form, today)
    } else {
        typed
    }
}

/// `NAME="value"` lines, as `user_customize_env` takes them (empty rows left out).
pub fn env_text(form: &CreateForm) -> String {
    form.env
        .iter()
        .filter(|v| !(v.name.trim().is_empty() && v.value.is_empty()))
        .map(|v| format!("{}=\"{}\"", v.name.trim(), v.value))
        .collect::<Vec<_>>()
        .join("\n")
}

/// PowerShell is recognised by its first line (`#ps1`, `#ps1_sysnative`, `<powershell>`).
pub fn is_powershell(script: &str) -> bool {
    let first = script
        .trim_start()
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    first.starts_with("#ps1") || first.starts_with("<powershell>")
}

/// A word starting with `./`, `../` or `~/`: the API refuses relative paths in scripts.
pub fn relative_path(script: &str) -> Option<String> {
    script
        .split(|c: char| c.is_whitespace() || "\"'=<>;(|&`".contains(c))
        .find(|w| w.starts_with("./") || w.starts_with("../") || w.starts_with("~/"))
        .map(str::to_string)
}

fn env_name_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every problem, as (field, message); empty when the form can be sent. `options` (the catalogue)
/// is known in the browser; the server checks without it and lets the API judge availability.
pub fn problems(form: &CreateForm, options: Option<&CreateOptions>) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let plan = options.and_then(|o| o.plan(&form.plan));
    if form.plan.is_empty() {
        out.push(("plan", crate::tr!(model.create_check.plan).to_string()));
    }
    if form.region.is_empty() {
        out.push(("region", crate::tr!(model.create_check.region).to_string()));
    } else if let (Some(o), Some(p)) = (options, plan) {
        if let Some(why) = p.unavailable_in(&form.region, o.city(&form.region)) {
            let plan = p.name.clone();
            out.push((
                "region",
                crate::tr!(model.create_check.plan_unavailable, plan = plan, why = why).to_string(),
            ));
        }
    }
    let windows_plan = plan.map(|p| p.windows).unwrap_or(form.plan.ends_with('W'));
    if form.image.is_empty() {
        out.push(("image", crate::tr!(model.create_check.image).to_string()));
    } else if let Some(image) = options.and_then(|o| o.image(&form.image)) {
        if image.windows && !windows_plan {
            out.push(("image", crate::tr!(model.create_check.windows_image).into()));
        } else if !image.windows && windows_plan {
            out.push(("image", crate::tr!(model.create_check.windows_plan).into()));
        }
    }
    if form.notes.chars().count() > server::NOTES_MAX {
        out.push((
            "notes",
            crate::tr!(model.create_check.notes_long, max = server::NOTES_MAX).to_string(),
        ));
    }
    match form.script_mode {
        ScriptMode::None => {}
        ScriptMode::OneOff => {
            let script = form.script.trim();
            if script.is_empty() {
                out.push(("script", crate::tr!(model.create_check.script_empty).into()));
            } else if is_powershell(script) && !windows_plan {
                out.push(("script", crate::tr!(model.create_check.powershell).into()));
            } else if let Some(path) = relative_path(script) {
                out.push((
                    "script",
                    crate::tr!(model.create_check.relative_path, path = path).to_string(),
                ));
            }
        }
        ScriptMode::Library => {
            match (form.library_script, options) {
                (None, _) => out.push((
                    "library_script",
                    crate::tr!(model.create_check.library_script).into(),
                )),
                (Some(id), Some(o)) => {
                    if let Some(s) = o.scripts.iter().find(|s| s.id == id) {
                        if s.windows != windows_plan {
                            out.push((
                                "library_script",
                                if s.windows {
                                    crate::tr!(model.create_check.windows_script)
                                } else {
                                    crate::tr!(model.create_check.linux_script)
                                }
                                .into(),
                            ));
                        }
                    }
                }
                (Some(_), None) => {}
            }
            for (i, var) in form.env.iter().enumerate() {
                let blank = var.name.trim().is_empty() && var.value.is_empty();
                if blank {
                    continue;
                }
                let message = if !env_name_ok(var.name.trim()) {
                    Some(crate::tr!(model.create_check.env_name))
                } else if var.value.contains('"') || var.value.contains('\n') {
                    Some(crate::tr!(model.create_check.env_value))
                } else {
                    None
                };
                if let Some(m) = message {
                    // The field is the row, so the message sits beside it; the value is never
                    // repeated in the message.
                    out.push((
                        "env",
                        crate::tr!(model.create_check.env_row, n = i + 1, problem = m).to_string(),
                    ));
                }
            }
        }
    }
    if !matches!(form.support.as_str(), "" | "basic" | "global") {
        out.push(("support", crate::tr!(model.create_check.support).into()));
    }
    if form.reserved_months != 0 && !server::RESERVE_MONTHS.contains(&form.reserved_months) {
        out.push(("reserved", crate::tr!(model.create_check.reserved).into()));
    }
    if !form.network.trim().is_empty() {
        if let Err(m) = super::network::parse_vlans(&form.network_vlans) {
            out.push(("network_vlans", m.into()));
        }
    }
    if form.isolate_from.len() > 50 {
        out.push((
            "isolate_from",
            crate::tr!(model.create_check.isolate).into(),
        ));
    }
    out
}

/// The request body for this form (`today` names a blank server, as `YYYYMMDD`).
pub fn body(form: &CreateForm, today: &str) -> CreateBody {
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let (user_customize, user_customize_env) = match form.script_mode {
        ScriptMode::None => (None, None),
        ScriptMode::OneOff => (Some(serde_json::Value::String(form.script.clone())), None),
        ScriptMode::Library => (
            form.library_script.map(serde_json::Value::from),
            Some(env_text(form)).filter(|e| !e.is_empty()),
        ),
    };
    CreateBody {
        plan: form.plan.clone(),
        location: form.region.clone(),
        image: form.image.clone(),
        notes: display_name(form, today),
        ssh_key: opt(&form.ssh_key),
        group: opt(&form.group),
        support: opt(&form.support),
        reserved_plan: (form.reserved_months > 0)
            .then(|| server::reserved_formula(form.reserved_months, &form.plan)),
        user_customize,
        user_customize_env,
        isolate_from: (!form.isolate_from.is_empty()).then(|| form.isolate_from.clone()),
        networks: network_choice(form),
    }
}

/// The field a documented refusal of `POST /servers` belongs to, with ECS's words.
pub fn explain(message: &str) -> Option<(&'static str, String)> {
    let fields = [
        ("powershell", "script"),
        ("relative path", "script"),
        ("env variable", "env"),
        ("script not found", "library_script"),
        ("group not found", "group"),
        ("ssh key not found", "ssh_key"),
        ("image not found", "image"),
        ("plan not found", "plan"),
        ("location not found", "region"),
        ("reserved", "reserved"),
        ("support code", "support"),
        ("network", "network"),
        ("vlan", "network_vlans"),
    ];
    first_rule(message, &fields).map(|field| {
        let message = message.to_string();
        (
            field,
            crate::tr!(model.create_check.refused, message = message).to_string(),
        )
    })
}

/// The create request, for "Show the API call".
pub fn create_call(body: &CreateBody) -> crate::model::api_call::ApiCall {
    crate::model::api_call::ApiCall::json("POST", &["servers"], body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::create::EnvVar;

    fn form() -> CreateForm {
        CreateForm {
            plan: "eCS2".into(),
            region: "it-fr2".into(),
            image: "ubuntu-2404".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_blank_name_is_generated_as_seeweb_does() {
        assert_eq!(
            display_name(&form(), "20261124"),
            "ubuntu-2404-eCS2-it-fr2-20261124"
        );
        let named = CreateForm {
            notes: " web  2 ".into(),
            ..form()
        };
        assert_eq!(display_name(&named, "20261124"), "web-2");
    }

    #[test]
    fn scripts_are_checked_as_the_api_would() {
        let ps = CreateForm {
            script_mode: ScriptMode::OneOff,
            script: "#ps1\nGet-Date".into(),
            ..form()
        };
        assert_eq!(problems(&ps, None)[0].0, "script");
        let rel = CreateForm {
            script_mode: ScriptMode::OneOff,
            script: "cd /tmp && ./install.sh".into(),
            ..form()
        };
        assert!(problems(&rel, None)[0].1.contains("./install.sh"));
        let home = CreateForm {
            script_mode: ScriptMode::OneOff,
            script: "cat ~/.bashrc".into(),
            ..form()
        };
        assert_eq!(problems(&home, None).len(), 1);
        let fine = CreateForm {
            script_mode: ScriptMode::OneOff,
            script: "apt-get update\n/usr/bin/true".into(),
            ..form()
        };
        assert!(problems(&fine, None).is_empty());
        let env = CreateForm {
            script_mode: ScriptMode::Library,
            library_script: Some(1),
            env: vec![
                EnvVar {
                    name: "DOMAIN".into(),
                    value: "example.com".into(),
                },
                EnvVar {
                    name: "1BAD".into(),
                    value: "secret-value".into(),
                },
            ],
            ..form()
        };
        let p = problems(&env, None);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, "env");
        assert!(!p[0].1.contains("secret-value"), "values are never echoed");
        assert!(
            !format!("{env:?}").contains("secret-value"),
            "nor printed by Debug"
        );
    }

    #[test]
    fn the_body_has_the_documented_names_only_for_what_was_chosen() {
        let f = CreateForm {
            script_mode: ScriptMode::Library,
            library_script: Some(7),
            env: vec![
                EnvVar {
                    name: "A".into(),
                    value: "b c".into(),
                },
                EnvVar::default(),
            ],
            group: "eg100001".into(),
            support: "basic".into(),
            reserved_months: 12,
            isolate_from: vec!["ec200401".into()],
            ..form()
        };
        let json = serde_json::to_value(body(&f, "20261124")).unwrap();
        assert_eq!(json["reserved_plan"], "M12PeCS2");
        assert_eq!(json["user_customize"], 7);
        assert_eq!(json["user_customize_env"], "A=\"b c\"");
        assert_eq!(json["isolate_from"][0], "ec200401");
        let plain = serde_json::to_value(body(&form(), "20261124")).unwrap();
        let keys: Vec<_> = plain.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["image", "location", "notes", "plan"]);
        let c = create_call(&body(&form(), "20261124")).curl("https://api.seeweb.it/ecs/v2");
        assert!(c.starts_with("curl -X POST 'https://api.seeweb.it/ecs/v2/servers'"));
        assert!(c.contains("$ECS_TOKEN"));
    }

    #[test]
    fn documented_refusals_land_at_their_field() {
        assert_eq!(
            explain("group not found"),
            Some(("group", "ECS refused it: group not found".to_string()))
        );
        assert_eq!(
            explain("Invalid env variable format").map(|r| r.0),
            Some("env")
        );
        assert_eq!(explain("something new"), None);
    }
}
