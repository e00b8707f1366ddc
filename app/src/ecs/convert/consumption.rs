//! A month's billing rows, as `/consumption` shows them: highest cost first, with how each cost
//! came about.

use crate::ecs::dto::{ServerUsage, SnapshotUsage, TemplateUsage};
use crate::model::consumption::{hours, UsageRow};

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn safe_id(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// "3.2 GB stored" (ECS gives KiB).
fn stored(kib: f64) -> String {
    let size = crate::locale::number(kib / 1_048_576.0, 1, crate::locale::untracked());
    crate::tr!(ecs.usage.stored, size = size).to_string()
}

pub fn server(u: ServerUsage) -> UsageRow {
    let summary = u.summary.unwrap_or_default();
    let mut detail = Vec::new();
    if let Some(h) = summary.online_hour.filter(|h| *h > 0.0) {
        detail.push(crate::tr!(ecs.usage.list_price, hours = hours(h)).to_string());
    }
    if let Some(h) = summary.offline_hour.filter(|h| *h > 0.0) {
        let pct = summary.offline_discount.unwrap_or(0.0);
        detail.push(
            crate::tr!(
                ecs.usage.powered_off,
                hours = hours(h),
                pct = format!("{pct:.0}")
            )
            .to_string(),
        );
    }
    for r in &summary.reserved_discounts {
        let (h, pct) = (
            r.reserved_hour.unwrap_or(0.0),
            r.reserved_discount.unwrap_or(0.0),
        );
        if h > 0.0 {
            detail.push(
                crate::tr!(
                    ecs.usage.reserved,
                    hours = hours(h),
                    pct = format!("{pct:.0}")
                )
                .to_string(),
            );
        }
    }
    let href = safe_id(&u.name).then(|| format!("/servers/{}", u.name));
    UsageRow {
        title: nonempty(u.notes).filter(|t| *t != u.name),
        href,
        plan: nonempty(Some(u.plan)),
        group: nonempty(u.group),
        status: u.status,
        hours: u.billed_hours.unwrap_or(0.0),
        cost: u.cost.unwrap_or(0.0),
        original: summary.original_cost,
        detail,
        name: u.name,
    }
}

pub fn template(u: TemplateUsage) -> UsageRow {
    let href = safe_id(&u.name).then(|| format!("/templates?q={}", u.name));
    let detail = u
        .size_on_disk
        .filter(|s| *s > 0.0)
        .map(stored)
        .into_iter()
        .collect();
    UsageRow {
        title: nonempty(u.notes).filter(|t| *t != u.name),
        href,
        plan: None,
        group: None,
        status: u.status,
        hours: u.hours.unwrap_or(0.0),
        cost: u.cost.unwrap_or(0.0),
        original: None,
        detail,
        name: u.name,
    }
}

pub fn snapshot(u: SnapshotUsage) -> UsageRow {
    // `ec200401-SNP-2`: the server it belongs to has the snapshots tab.
    let server = u.snapshot_name.split("-SNP").next().unwrap_or_default();
    let href = (safe_id(server) && server != u.snapshot_name)
        .then(|| format!("/servers/{server}?tab=snapshots"));
    let detail = u
        .size_on_disk
        .filter(|s| *s > 0.0)
        .map(stored)
        .into_iter()
        .collect();
    UsageRow {
        title: nonempty(u.snapshot_description),
        href,
        plan: None,
        group: None,
        status: u.snapshot_status_label.unwrap_or_default(),
        hours: u.hours.unwrap_or(0.0),
        cost: u.final_cost.unwrap_or(0.0),
        original: None,
        detail,
        name: u.snapshot_name,
    }
}

/// Highest cost first, then by name.
pub fn sorted(mut rows: Vec<UsageRow>) -> Vec<UsageRow> {
    rows.sort_by(|a, b| b.cost.total_cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    rows
}
