//! Paged lists (`/actions`, `/logs`): newest first, filtered by resource before paging (as
//! documented), `start` and `length` from the query string.

use serde::Deserialize;

use crate::world::error::SimError;

/// `?start=0&length=50&resource=ec…`, each optional.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    start: Option<String>,
    length: Option<String>,
    resource: Option<String>,
}

/// One page of a list, and how many items the filter kept.
pub struct Page<'a, T> {
    pub items: Vec<&'a T>,
    pub total: usize,
}

impl PageQuery {
    /// The page of `items` (oldest first, as stored) the query asks for, newest first; `resource`
    /// names what an item is about.
    pub fn page<'a, T>(
        &self,
        items: &'a [T],
        resource: impl Fn(&T) -> &str,
    ) -> Result<Page<'a, T>, SimError> {
        let (start, length) = paging(self.start.as_deref(), self.length.as_deref(), 50)?;
        let wanted = self.resource.as_deref().filter(|r| !r.is_empty());
        let filtered: Vec<&T> = items
            .iter()
            .rev()
            .filter(|item| wanted.is_none_or(|r| resource(item) == r))
            .collect();
        let total = filtered.len();
        let items = filtered.into_iter().skip(start).take(length).collect();
        Ok(Page { items, total })
    }
}

/// Query-string paging (`start`, `length`): blank means the default, anything else a number.
fn paging(
    start: Option<&str>,
    length: Option<&str>,
    default_length: usize,
) -> Result<(usize, usize), SimError> {
    let parse = |raw: Option<&str>, default: usize| -> Result<usize, SimError> {
        match raw.map(str::trim) {
            None | Some("") => Ok(default),
            Some(text) => text
                .parse()
                .map_err(|_| SimError::bad("Invalid pagination parameters")),
        }
    };
    Ok((parse(start, 0)?, parse(length, default_length)?))
}
