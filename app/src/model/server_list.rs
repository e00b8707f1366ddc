//! The servers list's query (search, filters, sort, page), kept in the URL so a view can be
//! bookmarked, and the page of rows it selects.

use serde::{Deserialize, Serialize};

use super::server::{GroupRef, ServerRow};
use super::table::encode;

pub const PAGE_SIZE: usize = 25;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    Name,
    Notes,
    Status,
    Plan,
    Region,
    Created,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Name,
        SortKey::Notes,
        SortKey::Status,
        SortKey::Plan,
        SortKey::Region,
        SortKey::Created,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Notes => "notes",
            SortKey::Status => "status",
            SortKey::Plan => "plan",
            SortKey::Region => "region",
            SortKey::Created => "created",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Everything that selects what the list shows; empty fields mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    pub q: String,
    pub region: String,
    pub status: String,
    pub group: String,
    pub family: String,
    pub sort: SortKey,
    pub desc: bool,
    /// 1-based.
    pub page: usize,
}

impl ListQuery {
    /// From URL query pairs; unknown values fall back to defaults rather than failing.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = ListQuery {
            page: 1,
            ..Default::default()
        };
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "q" => q.q = v.to_string(),
                "region" => q.region = v.to_string(),
                "status" => q.status = v.to_string(),
                "group" => q.group = v.to_string(),
                "family" => q.family = v.to_string(),
                "sort" => q.sort = SortKey::parse(v).unwrap_or_default(),
                "dir" => q.desc = v == "desc",
                "page" => q.page = v.parse().ok().filter(|p| *p > 0).unwrap_or(1),
                _ => {}
            }
        }
        q
    }

    /// The URL query string (`?q=web&sort=plan`), leaving defaults out; "" when all default.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("region", &self.region),
            ("status", &self.status),
            ("group", &self.group),
            ("family", &self.family),
        ] {
            if !v.is_empty() {
                parts.push((k, v.clone()));
            }
        }
        if self.sort != SortKey::Name {
            parts.push(("sort", self.sort.as_str().into()));
        }
        if self.desc {
            parts.push(("dir", "desc".into()));
        }
        if self.page > 1 {
            parts.push(("page", self.page.to_string()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        format!("?{}", encoded.join("&"))
    }

    /// The search and sort as the shared search form reads them.
    pub fn as_table(&self) -> super::table::TableQuery {
        super::table::TableQuery {
            q: self.q.clone(),
            sort: if self.sort == SortKey::Name {
                String::new()
            } else {
                self.sort.as_str().into()
            },
            desc: self.desc,
            ..Default::default()
        }
    }

    /// The same view sorted by `key`: ascending first, then toggling; back to page 1.
    pub fn sorted_by(&self, key: SortKey) -> Self {
        ListQuery {
            sort: key,
            desc: self.sort == key && !self.desc,
            page: 1,
            ..self.clone()
        }
    }

    pub fn at_page(&self, page: usize) -> Self {
        ListQuery {
            page,
            ..self.clone()
        }
    }

    pub fn is_filtered(&self) -> bool {
        !(self.q.is_empty()
            && self.region.is_empty()
            && self.status.is_empty()
            && self.group.is_empty()
            && self.family.is_empty())
    }
}

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
pub fn select(mut rows: Vec<ServerRow>, query: &ListQuery) -> (Vec<ServerRow>, usize, usize) {
    let needle = query.q.to_lowercase();
    rows.retain(|r| {
        (needle.is_empty()
            || r.name.to_lowercase().contains(&needle)
            || r.notes.to_lowercase().contains(&needle)
            || r.ipv4.as_deref().is_some_and(|ip| ip.contains(&needle))
            || r.ipv6
                .as_deref()
                .is_some_and(|ip| ip.to_lowercase().contains(&needle)))
            && (query.region.is_empty() || r.region == query.region)
            && (query.status.is_empty() || r.lifecycle.eq_ignore_ascii_case(&query.status))
            && (query.group.is_empty()
                || match query.group.as_str() {
                    "none" => r.group.is_none(),
                    g => r.group.as_ref().is_some_and(|x| x.id == g),
                })
            && (query.family.is_empty() || r.family == query.family)
    });
    let key = |r: &ServerRow| -> String {
        match query.sort {
            SortKey::Name => r.name.clone(),
            SortKey::Notes => r.notes.to_lowercase(),
            SortKey::Status => r.lifecycle.clone(),
            SortKey::Plan => r.plan.clone(),
            SortKey::Region => r.region_label.clone(),
            SortKey::Created => r
                .created
                .as_ref()
                .map(|c| c.iso.clone())
                .unwrap_or_default(),
        }
    };
    // Ties fall back to the name, so the order is stable between refreshes.
    rows.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name)));
    if query.desc {
        rows.reverse();
    }
    let matched = rows.len();
    let pages = matched.div_ceil(PAGE_SIZE).max(1);
    let page = query.page.clamp(1, pages);
    let rows = rows
        .into_iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    (rows, matched, page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_through_the_url() {
        let q = ListQuery::from_pairs([
            ("q", "web 1"),
            ("region", "it-fr2"),
            ("sort", "plan"),
            ("dir", "desc"),
            ("page", "3"),
            ("junk", "x"),
        ]);
        assert_eq!(q.q, "web 1");
        assert_eq!(q.sort, SortKey::Plan);
        assert!(q.desc);
        assert_eq!(q.page, 3);
        assert_eq!(
            q.to_query(),
            "?q=web%201&region=it-fr2&sort=plan&dir=desc&page=3"
        );
        assert_eq!(ListQuery::from_pairs([]).to_query(), "");
        let bad = ListQuery::from_pairs([("sort", "evil"), ("page", "0")]);
        assert_eq!((bad.sort, bad.page), (SortKey::Name, 1));
    }

    #[test]
    fn sorting_toggles_and_resets_the_page() {
        let q = ListQuery::from_pairs([("page", "4")]);
        let by_plan = q.sorted_by(SortKey::Plan);
        assert_eq!(
            (by_plan.sort, by_plan.desc, by_plan.page),
            (SortKey::Plan, false, 1)
        );
        assert!(by_plan.sorted_by(SortKey::Plan).desc);
        assert!(
            !by_plan
                .sorted_by(SortKey::Plan)
                .sorted_by(SortKey::Plan)
                .desc
        );
    }
}
