//! The plans & regions page: the catalogue, and the filters and sorts people apply to it (kept in
//! the URL as a [`TableQuery`]). The plans themselves are the create form's [`PlanOption`]s, so
//! both pages agree on what "available now" means.

use serde::{Deserialize, Serialize};

use super::create::{Availability, PlanOption, RegionOption};
use super::table::{encode, sort_rows, TableQuery};

/// The URL keys of the filters: `/plans?family=gpu&region=it-fr2&max=500`.
pub const FILTER_KEYS: &[&str] = &["family", "region", "max"];

/// Everything the page shows, fetched once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// In the API's order.
    pub plans: Vec<PlanOption>,
    pub regions: Vec<RegionOption>,
    /// Set when `/plans/availables` failed: what can be created now is unknown (the plans and
    /// where they are offered still show).
    pub availability_error: Option<String>,
}

impl Catalogue {
    pub fn availability_known(&self) -> bool {
        self.availability_error.is_none()
    }

    /// The families present, in the catalogue's order: (URL value, label).
    pub fn families(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for p in &self.plans {
            let slug = family_slug(&p.family);
            if !out.iter().any(|(s, _)| *s == slug) {
                out.push((slug, family_label(&p.family).to_string()));
            }
        }
        out
    }

    /// How many plans can be created in `region` now, and how many are offered there at all.
    pub fn counts(&self, region: &str) -> (usize, usize) {
        let offered = self
            .plans
            .iter()
            .filter(|p| p.availability(region) != Availability::NotOffered)
            .count();
        let now = self
            .plans
            .iter()
            .filter(|p| p.availability(region) == Availability::Available)
            .count();
        (now, offered)
    }
}

/// A plan family (the catalogue's English name, which also makes the URL's slug) in the reader's
/// language; an unknown family as it is.
pub fn family_label(family: &str) -> &str {
    match family {
        "Standard" => crate::tr!(model.plans.family.standard),
        "Windows" => crate::tr!(model.plans.family.windows),
        "High memory" => crate::tr!(model.plans.family.high_memory),
        "GPU" => crate::tr!(model.plans.family.gpu),
        "AI accelerator" => crate::tr!(model.plans.family.ai),
        other => other,
    }
}

/// "High memory" → "high-memory".
pub fn family_slug(family: &str) -> String {
    family.trim().to_lowercase().replace(' ', "-")
}

/// The country of a region code (`it-fr2` → Italy), from its ISO prefix.
pub fn country(code: &str) -> &'static str {
    match code.split('-').next().unwrap_or_default() {
        "it" => crate::tr!(model.plans.it),
        "ch" => crate::tr!(model.plans.ch),
        "bg" => crate::tr!(model.plans.bg),
        "hr" => crate::tr!(model.plans.hr),
        "de" => crate::tr!(model.plans.de),
        "fr" => crate::tr!(model.plans.fr),
        "nl" => crate::tr!(model.plans.nl),
        _ => "",
    }
}

/// The `max` filter: a monthly price in euros, or a sentence saying what is wrong with it.
pub fn max_price(q: &TableQuery) -> Result<Option<f64>, String> {
    let raw = q.filter("max").trim().trim_start_matches('€').trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(crate::tr!(model.plans.max_price).to_string()),
    }
}

/// The columns the table sorts by (URL `sort` values).
pub const SORT_KEYS: &[&str] = &[
    "name", "family", "cpu", "ram", "disk", "gpu", "hourly", "monthly",
];

/// The plans the query asks for: searched, filtered and sorted (unknown sort keys keep the API's
/// order). With `region`, only plans that can be created there now are kept (or, when
/// availability is unknown, those offered there).
pub fn select(cat: &Catalogue, q: &TableQuery) -> Vec<PlanOption> {
    let family = q.filter("family");
    let region = q.filter("region");
    // An unreadable price filters nothing (the page says why next to the field).
    let max = max_price(q).ok().flatten();
    let mut rows: Vec<PlanOption> = cat
        .plans
        .iter()
        .filter(|p| q.matches(&[&p.name, &p.family, p.gpu.as_deref().unwrap_or_default()]))
        .filter(|p| family.is_empty() || family_slug(&p.family) == family)
        .filter(|p| {
            region.is_empty()
                || match p.availability(region) {
                    Availability::Available => true,
                    Availability::SoldOut => !cat.availability_known(),
                    Availability::NotOffered => false,
                }
        })
        .filter(|p| max.is_none_or(|m| p.monthly.is_some_and(|v| v <= m + 1e-9)))
        .cloned()
        .collect();
    // Money compares as thousandths of a euro (prices have at most three decimals).
    let money = |v: Option<f64>| v.map(|v| (v * 1000.0).round() as i64);
    let desc = q.desc;
    match q.sort.as_str() {
        "name" => sort_rows(&mut rows, desc, |p| p.name.to_lowercase()),
        "family" => {
            let order = cat.families();
            sort_rows(&mut rows, desc, |p| {
                let slug = family_slug(&p.family);
                order.iter().position(|(s, _)| *s == slug)
            })
        }
        "cpu" => sort_rows(&mut rows, desc, |p| p.cpu),
        "ram" => sort_rows(&mut rows, desc, |p| p.ram_mib),
        "disk" => sort_rows(&mut rows, desc, |p| p.disk_gb),
        "gpu" => sort_rows(&mut rows, desc, gpu_count),
        "hourly" => sort_rows(&mut rows, desc, |p| money(p.hourly)),
        "monthly" => sort_rows(&mut rows, desc, |p| money(p.monthly)),
        _ => {}
    }
    rows
}

/// How many GPUs a plan has ("4× H100 80 GB" → 4; none → 0).
fn gpu_count(p: &PlanOption) -> u64 {
    p.gpu
        .as_deref()
        .and_then(|g| {
            g.split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// "€14", "€0.019"; "—" when the API gave no price.
pub fn euro(v: Option<f64>, digits: usize) -> String {
    v.map(|v| crate::locale::money(v, digits, crate::locale::untracked()))
        .unwrap_or_else(|| crate::tr!(model.none).into())
}

/// Where "Create" goes: the create form with this plan (and the filtered region) chosen.
pub fn create_href(plan: &str, region: &str) -> String {
    let mut href = format!("/servers/new?plan={}", encode(plan));
    if !region.is_empty() {
        href.push_str("&region=");
        href.push_str(&encode(region));
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::create::Placement;

    fn plan(name: &str, family: &str, monthly: f64, offered: &[&str], now: &[&str]) -> PlanOption {
        PlanOption {
            name: name.into(),
            family: family.into(),
            cpu: Some(monthly as u64 / 10),
            ram: String::new(),
            ram_mib: Some(monthly as u64 * 100),
            disk_gb: Some(100 - monthly as u64 / 100),
            gpu: (family == "GPU").then(|| format!("{}× L4", monthly as u64 / 200)),
            hourly: Some(monthly / 730.0),
            monthly: Some(monthly),
            windows: family == "Windows",
            offered: offered.iter().map(|s| s.to_string()).collect(),
            placeable: now
                .iter()
                .map(|r| Placement {
                    region: r.to_string(),
                    hosts: vec![vec![]],
                })
                .collect(),
        }
    }

    fn catalogue() -> Catalogue {
        Catalogue {
            plans: vec![
                plan(
                    "eCS1",
                    "Standard",
                    14.0,
                    &["it-fr2", "bg-sof1"],
                    &["it-fr2", "bg-sof1"],
                ),
                plan(
                    "eCS6",
                    "Standard",
                    109.0,
                    &["it-fr2", "ch-lug1"],
                    &["it-fr2"],
                ),
                plan(
                    "eCS2W",
                    "Windows",
                    35.0,
                    &["it-fr2", "ch-lug1"],
                    &["ch-lug1"],
                ),
                plan("eCS1HM", "High memory", 156.0, &["it-fr2"], &["it-fr2"]),
                plan("ECS1GPU8", "GPU", 6048.0, &["it-fr2"], &["it-fr2"]),
                plan("ECS1GPU7", "GPU", 612.0, &["it-fr2"], &[]),
            ],
            regions: vec![],
            availability_error: None,
        }
    }

    fn q(pairs: &[(&str, &str)]) -> TableQuery {
        TableQuery::from_pairs(pairs.iter().copied(), FILTER_KEYS)
    }

    fn names(rows: Vec<PlanOption>) -> Vec<String> {
        rows.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn default_order_is_the_apis() {
        assert_eq!(
            names(select(&catalogue(), &q(&[]))),
            ["eCS1", "eCS6", "eCS2W", "eCS1HM", "ECS1GPU8", "ECS1GPU7"]
        );
        // An unknown sort key changes nothing.
        assert_eq!(
            names(select(&catalogue(), &q(&[("sort", "evil")])))[0],
            "eCS1"
        );
    }

    #[test]
    fn filters_by_family_region_and_price() {
        let c = catalogue();
        assert_eq!(
            names(select(&c, &q(&[("family", "gpu")]))),
            ["ECS1GPU8", "ECS1GPU7"]
        );
        assert_eq!(
            names(select(&c, &q(&[("family", "high-memory")]))),
            ["eCS1HM"]
        );
        // Lugano: eCS6 is offered but sold out, eCS2W has room.
        assert_eq!(names(select(&c, &q(&[("region", "ch-lug1")]))), ["eCS2W"]);
        assert_eq!(
            names(select(&c, &q(&[("max", "109")]))),
            ["eCS1", "eCS6", "eCS2W"],
            "the limit is inclusive"
        );
        assert_eq!(
            names(select(
                &c,
                &q(&[
                    ("max", "€100"),
                    ("region", "it-fr2"),
                    ("family", "standard")
                ])
            )),
            ["eCS1"]
        );
        assert_eq!(names(select(&c, &q(&[("q", "l4")]))).len(), 2, "GPU model");
    }

    #[test]
    fn with_availability_unknown_a_region_keeps_what_it_offers() {
        let c = Catalogue {
            availability_error: Some("down".into()),
            ..catalogue()
        };
        assert_eq!(
            names(select(&c, &q(&[("region", "ch-lug1")]))),
            ["eCS6", "eCS2W"]
        );
    }

    #[test]
    fn sorts_both_ways() {
        let c = catalogue();
        let up = names(select(&c, &q(&[("sort", "monthly")])));
        assert_eq!(
            up,
            ["eCS1", "eCS2W", "eCS6", "eCS1HM", "ECS1GPU7", "ECS1GPU8"]
        );
        let mut down = names(select(&c, &q(&[("sort", "monthly"), ("dir", "desc")])));
        down.reverse();
        assert_eq!(down, up);
        assert_eq!(
            names(select(&c, &q(&[("sort", "gpu"), ("dir", "desc")])))[..2],
            ["ECS1GPU8", "ECS1GPU7"]
        );
        assert_eq!(
            names(select(&c, &q(&[("sort", "family"), ("dir", "desc")])))[0],
            "ECS1GPU8"
        );
        assert_eq!(
            names(select(&c, &q(&[("sort", "name")])))[0],
            "eCS1",
            "names sort without regard to case"
        );
    }

    #[test]
    fn max_price_explains_a_bad_value() {
        assert_eq!(max_price(&q(&[("max", " 49,5 ")])), Ok(Some(49.5)));
        assert_eq!(max_price(&q(&[])), Ok(None));
        assert!(max_price(&q(&[("max", "cheap")])).is_err());
        assert!(max_price(&q(&[("max", "-3")])).is_err());
        assert!(max_price(&q(&[("max", "NaN")])).is_err());
        // A bad limit filters nothing.
        assert_eq!(select(&catalogue(), &q(&[("max", "cheap")])).len(), 6);
    }

    #[test]
    fn counts_families_and_links() {
        let c = catalogue();
        assert_eq!(c.counts("it-fr2"), (4, 6));
        assert_eq!(c.counts("ch-lug1"), (1, 2));
        assert_eq!(c.counts("hr-zag1"), (0, 0));
        assert_eq!(
            c.families()
                .iter()
                .map(|(s, _)| s.as_str())
                .collect::<Vec<_>>(),
            ["standard", "windows", "high-memory", "gpu"]
        );
        assert_eq!(create_href("eCS2", ""), "/servers/new?plan=eCS2");
        assert_eq!(
            create_href("eCS2", "it-mi2"),
            "/servers/new?plan=eCS2&region=it-mi2"
        );
        assert_eq!(country("ch-lug1"), "Switzerland");
        assert_eq!(country("xx"), "");
    }
}
