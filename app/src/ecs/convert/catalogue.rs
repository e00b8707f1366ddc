//! The catalogue (`/plans`, `/plans/availables`, `/regions`) in words people read: plan families,
//! sizes in GB, cities for region codes, and where each plan can be created now.

use crate::ecs::dto;
use crate::model::create::{Placement, PlanOption, RegionOption};

/// The region's name for a code, when the server did not carry a label.
pub fn region_label(code: &str) -> &str {
    match code {
        "it-fr2" => "Frosinone",
        "it-mi2" => "Milano",
        "ch-lug1" => "Lugano",
        "bg-sof1" => "Sofia",
        "hr-zag1" => "Zagreb",
        other => other,
    }
}

/// Seeweb's plan families, from the plan's name (`eCS3W`, `eCS2HM`, `ECS1GPU7`, `ECS1AIA1`).
pub fn plan_family(plan: &str) -> &'static str {
    let p = plan.to_ascii_uppercase();
    if p.contains("GPU") {
        "GPU"
    } else if p.contains("AIA") {
        "AI accelerator"
    } else if p.contains("HM") {
        "High memory"
    } else if p.ends_with('W') {
        "Windows"
    } else {
        "Standard"
    }
}

/// "2 vCPU · 2 GB RAM · 40 GB disk" (RAM arrives in MiB), in the request's language.
pub fn size_text(size: &dto::PlanSize) -> String {
    let mut parts = Vec::new();
    if let Some(c) = size.core {
        parts.push(format!("{c} vCPU"));
    }
    if let Some(r) = size.ram {
        parts.push(format!("{} RAM", mib(r)));
    }
    if let Some(d) = size.disk {
        parts.push(crate::tr!(ecs.size.disk, gb = d));
    }
    parts.join(" · ")
}

/// MiB as people write it: "512 MB", "2 GB", "1.5 GB" ("1,5 GB" in Italian), "1 TB".
pub fn mib(v: u64) -> String {
    if v >= 1024 * 1024 && v.is_multiple_of(1024 * 1024) {
        format!("{} TB", v / (1024 * 1024))
    } else if v >= 1024 {
        let gb = v as f64 / 1024.0;
        if v.is_multiple_of(1024) {
            format!("{} GB", v / 1024)
        } else {
            format!("{} GB", one_decimal(gb))
        }
    } else {
        format!("{v} MB")
    }
}

/// `1.5` / `1,5`: one decimal in the request's language.
pub fn one_decimal(v: f64) -> String {
    crate::locale::number(v, 1, crate::locale::untracked())
}

/// "2× L40S", or "2 GPU" when the model is not named; nothing without a GPU.
pub fn gpu_text(count: Option<u64>, label: Option<&str>) -> Option<String> {
    let n = count.filter(|n| *n > 0)?;
    Some(match label.filter(|l| !l.is_empty()) {
        Some(label) => format!("{n}× {label}"),
        None => format!("{n} GPU"),
    })
}

/// The catalogue's plans (`/plans`) with where each can be created now (`/plans/availables`;
/// a region counts only when some host there has room).
pub fn plan_options(plans: &[dto::Plan], placeable: &[dto::Plan]) -> Vec<PlanOption> {
    plans
        .iter()
        .map(|plan| {
            let now = placeable.iter().find(|x| x.name == plan.name);
            PlanOption {
                name: plan.name.clone(),
                family: plan_family(&plan.name).to_string(),
                cpu: plan.cpu,
                ram: plan.ram.map(mib).unwrap_or_default(),
                ram_mib: plan.ram,
                disk_gb: plan.disk,
                gpu: gpu_text(plan.gpu, plan.gpu_label.as_deref()),
                hourly: plan.hourly_price,
                monthly: plan.monthly_price,
                windows: plan.windows || plan.name.ends_with('W'),
                offered: plan
                    .available_regions
                    .iter()
                    .map(|r| r.location.clone())
                    .collect(),
                placeable: now
                    .map(|n| {
                        n.region_availables
                            .iter()
                            .filter(|r| !r.hosts.is_empty())
                            .map(|r| Placement {
                                region: r.region.clone(),
                                hosts: r
                                    .hosts
                                    .iter()
                                    .map(|h| h.servers.iter().map(|s| s.name.clone()).collect())
                                    .collect(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The plans when `/plans/availables` could not be read: every offered region stays choosable
/// (ECS refuses what it cannot place, and says so), rather than everything reading sold out.
pub fn plan_options_offered(plans: &[dto::Plan]) -> Vec<PlanOption> {
    let mut options = plan_options(plans, &[]);
    for plan in &mut options {
        plan.placeable = plan
            .offered
            .iter()
            .map(|region| Placement {
                region: region.clone(),
                hosts: Vec::new(),
            })
            .collect();
    }
    options
}

/// `/regions`, with the city from the API (or our own label when it has none).
pub fn region_options(regions: &[dto::Region]) -> Vec<RegionOption> {
    regions
        .iter()
        .map(|r| RegionOption {
            code: r.location.clone(),
            city: r
                .description
                .clone()
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| region_label(&r.location).to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_people_read() {
        assert_eq!(mib(1024), "1 GB");
        assert_eq!(mib(1536), "1.5 GB");
        assert_eq!(mib(512), "512 MB");
        assert_eq!(mib(1_048_576), "1 TB");
        assert_eq!(plan_family("eCS3W"), "Windows");
        assert_eq!(plan_family("eCS2HM"), "High memory");
        assert_eq!(plan_family("ECS1GPU7"), "GPU");
        assert_eq!(plan_family("ECS1AIA1"), "AI accelerator");
        assert_eq!(plan_family("eCS1"), "Standard");
        assert_eq!(gpu_text(Some(2), Some("L40S")).as_deref(), Some("2× L40S"));
        assert_eq!(gpu_text(Some(1), Some("")).as_deref(), Some("1 GPU"));
        assert_eq!(gpu_text(Some(0), Some("L40S")), None);
        assert_eq!(gpu_text(None, None), None);
    }
}
