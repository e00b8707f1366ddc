//! Finding and removing an account's records by numeric id, with the 404 the live API gives for
//! each kind ("script not found", "ssh key not found", …): one rule instead of one copy per list.

use crate::world::error::{SimError, SimResult};

/// A record kept in one of an account's lists under a numeric id.
pub trait Record {
    /// How the API names the kind in its 404 ("ssh key" → "ssh key not found").
    const KIND: &'static str;

    fn id(&self) -> u64;
}

/// The 404 for a record of kind `T` that is not there.
pub fn not_found<T: Record>() -> SimError {
    SimError::not_found(format!("{} not found", T::KIND))
}

/// An id from a URL path: anything that is not a number names no record (404, not 400).
pub fn parse_id<T: Record>(raw: &str) -> SimResult<u64> {
    raw.parse().map_err(|_| not_found::<T>())
}

/// Lookups by id on a list of records.
pub trait Records<T: Record> {
    fn by_id(&self, id: u64) -> SimResult<&T>;

    fn by_id_mut(&mut self, id: u64) -> SimResult<&mut T>;

    /// Takes the record out of the list (ids are unique, so there is at most one).
    fn remove_by_id(&mut self, id: u64) -> SimResult<T>;
}

impl<T: Record> Records<T> for Vec<T> {
    fn by_id(&self, id: u64) -> SimResult<&T> {
        self.iter()
            .find(|r| r.id() == id)
            .ok_or_else(not_found::<T>)
    }

    fn by_id_mut(&mut self, id: u64) -> SimResult<&mut T> {
        self.iter_mut()
            .find(|r| r.id() == id)
            .ok_or_else(not_found::<T>)
    }

    fn remove_by_id(&mut self, id: u64) -> SimResult<T> {
        let index = self
            .iter()
            .position(|r| r.id() == id)
            .ok_or_else(not_found::<T>)?;
        Ok(self.remove(index))
    }
}

/// Declares kinds of record: `record! { Script => "script" }` for a type with an `id: u64` field.
macro_rules! record {
    ($($kind:ty => $name:literal),* $(,)?) => {
        $(impl $crate::world::records::Record for $kind {
            const KIND: &'static str = $name;

            fn id(&self) -> u64 {
                self.id
            }
        })*
    };
}
pub(crate) use record;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Thing {
        id: u64,
    }

    record! { Thing => "thing" }

    #[test]
    fn records_are_found_and_removed_by_id_with_their_kind_in_the_404() {
        let mut things = vec![Thing { id: 1 }, Thing { id: 7 }];
        assert_eq!(things.by_id(7), Ok(&Thing { id: 7 }));
        assert_eq!(things.by_id(3), Err(SimError::not_found("thing not found")));
        assert_eq!(parse_id::<Thing>("x7"), Err(not_found::<Thing>()));
        assert_eq!(things.remove_by_id(1), Ok(Thing { id: 1 }));
        assert_eq!(things, vec![Thing { id: 7 }]);
        assert!(things.remove_by_id(1).is_err());
    }
}
