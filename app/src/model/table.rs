//! The view state every library table keeps in its URL: a search, one filter set, a sort and a
//! page. Pages pick their own keys; this only reads and writes them the same way everywhere.

use serde::{Deserialize, Serialize};

/// Search, filters, sort and page of one table; empty strings mean "any" / "the default sort".
/// A missing field is its default: a URL-encoded server-function body leaves an empty list out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableQuery {
    pub q: String,
    /// The page's own filters (`("region", "it-fr2")`), in the page's key order.
    pub filters: Vec<(String, String)>,
    /// A column key of the page's, or "" for the page's default order.
    pub sort: String,
    pub desc: bool,
    /// 1-based.
    pub page: usize,
}

impl TableQuery {
    /// From URL query pairs, keeping only `filter_keys` besides `q`, `sort`, `dir` and `page`.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        filter_keys: &[&str],
    ) -> Self {
        let mut t = TableQuery {
            page: 1,
            ..Default::default()
        };
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "q" => t.q = v.to_string(),
                "sort" => t.sort = v.to_string(),
                "dir" => t.desc = v == "desc",
                "page" => t.page = v.parse().ok().filter(|p| *p > 0).unwrap_or(1),
                k if filter_keys.contains(&k) && !v.is_empty() => {
                    t.filters.retain(|(fk, _)| fk != k);
                    t.filters.push((k.to_string(), v.to_string()));
                }
                _ => {}
            }
        }
        t
    }

    /// The value of filter `key`, or "".
    pub fn filter(&self, key: &str) -> &str {
        self.filters
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Whether a search or a filter narrows the rows.
    pub fn is_filtered(&self) -> bool {
        !self.q.is_empty() || !self.filters.is_empty()
    }

    /// The same query with its sort kept only when it is one of `keys` and not `default` (the
    /// order with no sort named): an unknown or spelled-out default sort reads, and links, as none.
    pub fn known_sort(self, keys: &[&str], default: &str) -> Self {
        if keys.contains(&self.sort.as_str()) && self.sort != default {
            self
        } else {
            TableQuery {
                sort: String::new(),
                ..self
            }
        }
    }

    /// Whether the search matches any of `fields` (case-insensitive substring; empty matches all).
    pub fn matches(&self, fields: &[&str]) -> bool {
        let q = self.q.trim().to_lowercase();
        q.is_empty() || fields.iter().any(|f| f.to_lowercase().contains(&q))
    }

    /// `base` with this query (`/templates?q=web&sort=created&dir=desc`), defaults left out.
    pub fn href(&self, base: &str) -> String {
        let mut parts: Vec<(&str, &str)> = Vec::new();
        if !self.q.is_empty() {
            parts.push(("q", &self.q));
        }
        for (k, v) in &self.filters {
            parts.push((k, v));
        }
        if !self.sort.is_empty() {
            parts.push(("sort", &self.sort));
        }
        if self.desc {
            parts.push(("dir", "desc"));
        }
        let page = self.page.to_string();
        if self.page > 1 {
            parts.push(("page", &page));
        }
        if parts.is_empty() {
            return base.to_string();
        }
        let encoded: Vec<String> = parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("{base}?{}", encoded.join("&"))
    }

    /// The same view sorted by `key`: ascending first, then toggling; back to page 1.
    pub fn sorted_by(&self, key: &str) -> Self {
        TableQuery {
            sort: key.to_string(),
            desc: self.sort == key && !self.desc,
            page: 1,
            ..self.clone()
        }
    }

    pub fn at_page(&self, page: usize) -> Self {
        TableQuery {
            page,
            ..self.clone()
        }
    }

    /// This query's page among `pages`: a page past the end is the last one.
    pub fn page_in(&self, pages: usize) -> usize {
        self.page.clamp(1, pages.max(1))
    }

    /// The rows of this query's page, and how many pages there are (at least 1).
    pub fn paged<T>(&self, rows: Vec<T>, page_size: usize) -> (Vec<T>, usize) {
        let pages = rows.len().div_ceil(page_size.max(1)).max(1);
        let page = self.page_in(pages);
        let rows = rows
            .into_iter()
            .skip((page - 1) * page_size)
            .take(page_size)
            .collect();
        (rows, pages)
    }
}

/// "7 servers", or "1 of 7 servers match" while a search or filter is on: how every table says
/// what it shows. `noun` is (one, many), chosen by the total.
pub fn count_text(
    shown: usize,
    total: usize,
    filtered: bool,
    noun: Noun,
    locale: crate::i18n::Locale,
) -> String {
    let (one, many) = noun.words(locale);
    let noun = if total == 1 { one } else { many };
    if filtered {
        crate::i18n::td_string!(
            locale,
            common.table.matched,
            shown = shown,
            total = total,
            noun = noun
        )
        .to_string()
    } else {
        format!("{total} {noun}")
    }
}

/// What a table counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Server,
    Plan,
    Key,
    Script,
    Template,
}

impl Noun {
    /// One and many, in `locale`.
    fn words(self, locale: crate::i18n::Locale) -> (&'static str, &'static str) {
        use crate::i18n::td_string;
        match self {
            Noun::Server => (
                td_string!(locale, common.nouns.server),
                td_string!(locale, common.nouns.servers),
            ),
            Noun::Plan => (
                td_string!(locale, common.nouns.plan),
                td_string!(locale, common.nouns.plans),
            ),
            Noun::Key => (
                td_string!(locale, common.nouns.key),
                td_string!(locale, common.nouns.keys),
            ),
            Noun::Script => (
                td_string!(locale, common.nouns.script),
                td_string!(locale, common.nouns.scripts),
            ),
            Noun::Template => (
                td_string!(locale, common.nouns.template),
                td_string!(locale, common.nouns.templates),
            ),
        }
    }
}

/// Sorts `rows` by `key` (ascending, or descending when `desc`); equal keys keep their order.
pub fn sort_rows<T, K: Ord>(rows: &mut [T], desc: bool, key: impl Fn(&T) -> K) {
    rows.sort_by(|a, b| {
        let o = key(a).cmp(&key(b));
        if desc {
            o.reverse()
        } else {
            o
        }
    });
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn q(pairs: &[(&str, &str)]) -> TableQuery {
        TableQuery::from_pairs(pairs.iter().copied(), &["region", "family"])
    }

    #[test]
    fn reads_known_keys_and_ignores_the_rest() {
        let t = q(&[
            ("q", " web "),
            ("region", "it-fr2"),
            ("evil", "x"),
            ("sort", "price"),
            ("dir", "desc"),
            ("page", "0"),
        ]);
        assert_eq!(t.q, "web");
        assert_eq!(t.filter("region"), "it-fr2");
        assert_eq!(t.filter("evil"), "");
        assert_eq!((t.sort.as_str(), t.desc, t.page), ("price", true, 1));
    }

    #[test]
    fn href_round_trips_and_leaves_defaults_out() {
        assert_eq!(q(&[]).href("/plans"), "/plans");
        let t = q(&[("q", "a b&c"), ("family", "gpu"), ("page", "3")]);
        let href = t.href("/plans");
        assert_eq!(href, "/plans?q=a%20b%26c&family=gpu&page=3");
        let back: Vec<(String, String)> = url_pairs(&href);
        let back = TableQuery::from_pairs(
            back.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &["region", "family"],
        );
        assert_eq!(back, t);
    }

    #[test]
    fn sorting_toggles_and_resets_the_page() {
        let t = q(&[("page", "4")]).sorted_by("price");
        assert_eq!((t.sort.as_str(), t.desc, t.page), ("price", false, 1));
        assert!(t.sorted_by("price").desc);
        assert!(!t.sorted_by("price").sorted_by("price").desc);
        assert!(!t.sorted_by("name").desc);
    }

    #[test]
    fn pages_clamp_to_the_last_one() {
        let t = q(&[("page", "9")]);
        let (rows, pages) = t.paged((1..=12).collect::<Vec<_>>(), 5);
        assert_eq!((rows, pages), (vec![11, 12], 3));
        assert_eq!(q(&[]).paged(Vec::<u8>::new(), 5), (vec![], 1));
        assert_eq!(
            TableQuery::default().page_in(3),
            1,
            "page 0 (never sent) is the first"
        );
    }

    #[test]
    fn an_unknown_or_default_sort_reads_as_none() {
        let keys = ["name", "plan"];
        assert_eq!(
            q(&[("sort", "plan")]).known_sort(&keys, "name").sort,
            "plan"
        );
        assert_eq!(q(&[("sort", "name")]).known_sort(&keys, "name").sort, "");
        assert_eq!(q(&[("sort", "evil")]).known_sort(&keys, "name").sort, "");
        assert!(
            q(&[("sort", "evil"), ("dir", "desc")])
                .known_sort(&keys, "name")
                .desc
        );
    }

    #[test]
    fn one_way_to_count() {
        assert_eq!(
            count_text(7, 7, false, Noun::Server, Locale::en),
            "7 servers"
        );
        assert_eq!(
            count_text(1, 7, true, Noun::Server, Locale::en),
            "1 of 7 servers match"
        );
        assert_eq!(count_text(1, 1, false, Noun::Key, Locale::en), "1 key");
        assert_eq!(
            count_text(0, 1, true, Noun::Key, Locale::en),
            "0 of 1 key match"
        );
        assert_eq!(
            count_text(2, 9, true, Noun::Server, Locale::it),
            "2 su 9 server"
        );
        assert!(q(&[("q", "web")]).is_filtered());
        assert!(q(&[("region", "it-fr2")]).is_filtered());
        assert!(!q(&[("sort", "name"), ("page", "2")]).is_filtered());
    }

    #[test]
    fn search_is_case_insensitive_over_any_field() {
        let t = q(&[("q", "NGINX")]);
        assert!(t.matches(&["x", "install-nginx"]));
        assert!(!t.matches(&["apache"]));
        assert!(q(&[]).matches(&[]));
    }

    #[test]
    fn sort_rows_is_stable_both_ways() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c')];
        sort_rows(&mut v, false, |r| r.0);
        assert_eq!(v, vec![(1, 'b'), (2, 'a'), (2, 'c')]);
        sort_rows(&mut v, true, |r| r.0);
        assert_eq!(v, vec![(2, 'a'), (2, 'c'), (1, 'b')]);
    }

    fn url_pairs(href: &str) -> Vec<(String, String)> {
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or("");
        query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), decode(v)))
            .collect()
    }

    fn decode(v: &str) -> String {
        let b = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}
