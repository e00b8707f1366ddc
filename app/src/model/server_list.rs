//! The servers list: the search, filters, sort and page it keeps in its URL (the shared
//! `TableQuery`), the filters' choices, and the page of rows a query selects.

use serde::{Deserialize, Serialize};

use super::server::{GroupRef, ServerRow};
#[cfg(feature = "ssr")]
use super::table::TableQuery;

pub const PAGE_SIZE: usize = 25;
/// The list's filters, in the order they stand in its URL.
pub const FILTER_KEYS: [&str; 4] = ["region", "status", "group", "family"];
/// The sort keys of its columns (`?sort=`); with none named it is by name.
pub const SORT_KEYS: [&str; 6] = ["name", "notes", "status", "plan", "region", "created"];
pub const DEFAULT_SORT: &str = "name";

/// The choices the filters offer, from the whole account (not just this page).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// (code, label)
    pub regions: Vec<(String, String)>,
    pub statuses: Vec<String>,
    pub groups: Vec<GroupRef>,
    pub families: Vec<String>,
}

/// One page of the list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    pub rows: Vec<ServerRow>,
    /// Servers in the account.
    pub total: usize,
    /// Servers matching the query.
    pub matched: usize,
    pub page: usize,
    pub pages: usize,
    pub facets: Facets,
}

/// Filters, sorts and pages `rows` (the whole account) for `query`.
#[cfg(feature = "ssr")]
pub fn select(mut rows: Vec<ServerRow>, query: &TableQuery, facets: Facets) -> ListPage {
    let total = rows.len();
    let (region, status, group, family) = (
        query.filter("region"),
        query.filter("status"),
        query.filter("group"),
        query.filter("family"),
    );
    rows.retain(|r| {
        query.matches(&[
            &r.name,
            &r.notes,
            r.ipv4.as_deref().unwrap_or_default(),
            r.ipv6.as_deref().unwrap_or_default(),
        ]) && (region.is_empty() || r.region == region)
            && (status.is_empty()
                || r.lifecycle.eq_ignore_ascii_case(status)
                // The dashboard's "Busy": every state on the way somewhere.
                || (status == "busy" && r.health.is_transient()))
            && (group.is_empty()
                || match group {
                    "none" => r.group.is_none(),
                    g => r.group.as_ref().is_some_and(|x| x.id == g),
                })
            && (family.is_empty() || r.family == family)
    });
    let key = |r: &ServerRow| -> String {
        match query.sort.as_str() {
            "notes" => r.notes.to_lowercase(),
            "status" => r.lifecycle.clone(),
            "plan" => r.plan.clone(),
            "region" => r.region_label.clone(),
            "created" => r
                .created
                .as_ref()
                .map(|c| c.iso.clone())
                .unwrap_or_default(),
            _ => r.name.clone(),
        }
    };
    // Ties fall back to the name, so the order is stable between refreshes.
    rows.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name)));
    if query.desc {
        rows.reverse();
    }
    let matched = rows.len();
    let (rows, pages) = query.paged(rows, PAGE_SIZE);
    ListPage {
        rows,
        total,
        matched,
        page: query.page_in(pages),
        pages,
        facets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::table::TableQuery;

    fn query(pairs: &[(&str, &str)]) -> TableQuery {
        TableQuery::from_pairs(pairs.iter().copied(), &FILTER_KEYS)
            .known_sort(&SORT_KEYS, DEFAULT_SORT)
    }

    #[test]
    fn query_round_trips_through_the_url() {
        let q = query(&[
            ("q", "web 1"),
            ("region", "it-fr2"),
            ("sort", "plan"),
            ("dir", "desc"),
            ("page", "3"),
            ("junk", "x"),
        ]);
        assert_eq!(q.q, "web 1");
        assert_eq!(q.sort, "plan");
        assert!(q.desc);
        assert_eq!(q.page, 3);
        assert_eq!(
            q.href("/servers"),
            "/servers?q=web%201&region=it-fr2&sort=plan&dir=desc&page=3"
        );
        assert_eq!(query(&[]).href("/servers"), "/servers");
        let bad = query(&[("sort", "evil"), ("page", "0")]);
        assert_eq!((bad.sort.as_str(), bad.page), ("", 1));
        assert_eq!(query(&[("sort", "name")]).href("/servers"), "/servers");
    }

    #[test]
    fn sorting_toggles_and_resets_the_page() {
        let q = query(&[("page", "4")]);
        let by_plan = q.sorted_by("plan");
        assert_eq!(
            (by_plan.sort.as_str(), by_plan.desc, by_plan.page),
            ("plan", false, 1)
        );
        assert!(by_plan.sorted_by("plan").desc);
        assert!(!by_plan.sorted_by("plan").sorted_by("plan").desc);
    }
}
