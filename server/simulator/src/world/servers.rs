//! Servers: the model, its states, and the rules for starting an operation on one.

use chrono::{DateTime, Utc};

use crate::world::error::{SimError, SimResult};
use crate::world::support::{Reservation, Support};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerStatus {
    Booting,
    Booted,
    Customizing,
    Reimaging,
    Deleting,
    Deleted,
    Fail,
}

impl ServerStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Booting => "Booting",
            Self::Booted => "Booted",
            Self::Customizing => "Customizing",
            Self::Reimaging => "Reimaging",
            Self::Deleting => "Deleting",
            Self::Deleted => "Deleted",
            Self::Fail => "Fail",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Server {
    pub name: String,
    pub notes: String,
    /// Canonical plan name (`eCS1`).
    pub plan: String,
    pub location: String,
    /// Image or template name (`so`).
    pub image: String,
    pub so_label: String,
    pub windows: bool,
    pub group: Option<String>,
    /// The physical host; `None` until placed, or after a failure or deletion.
    pub host: Option<String>,
    pub ipv4: String,
    pub ipv6: String,
    pub status: ServerStatus,
    pub active_flag: bool,
    /// Power state of the VM (a powered-off server is still `Booted`).
    pub powered: bool,
    pub power_changed_at: DateTime<Utc>,
    pub creation_date: DateTime<Utc>,
    pub deletion_date: Option<DateTime<Utc>>,
    /// Last time the VM booted (drives the metrics' boot spike).
    pub booted_at: Option<DateTime<Utc>>,
    /// 5 for current servers; 1 for the deprecated kind (no metrics, console or templates).
    pub api_version: u8,
    pub support: Option<Support>,
    pub reservations: Vec<Reservation>,
    pub last_restored_snapshot: Option<u64>,
    /// The action in progress on the server, if any (its progress is the server's).
    pub busy: Option<u64>,
    pub isolate_from: Vec<String>,
    pub snapshot_counter: u32,
}

impl Server {
    /// A server as first recorded: booting, on no host, without addresses, support or history.
    /// Callers fill in what they know with struct update syntax.
    pub fn new(
        name: String,
        plan: String,
        location: String,
        image: String,
        created: DateTime<Utc>,
    ) -> Self {
        Self {
            name,
            notes: String::new(),
            plan,
            location,
            so_label: image.clone(),
            image,
            windows: false,
            group: None,
            host: None,
            ipv4: String::new(),
            ipv6: String::new(),
            status: ServerStatus::Booting,
            active_flag: false,
            powered: false,
            power_changed_at: created,
            creation_date: created,
            deletion_date: None,
            booted_at: None,
            api_version: 5,
            support: None,
            reservations: Vec::new(),
            last_restored_snapshot: None,
            busy: None,
            isolate_from: Vec::new(),
            snapshot_counter: 0,
        }
    }

    /// End of the current reserved period, if the server is reserved now.
    pub fn reserved_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.reservations
            .iter()
            .map(|r| r.end)
            .filter(|end| *end > now)
            .max()
    }

    /// Whether a new operation may start (not booting, deleting or in another action).
    pub fn ensure_idle(&self) -> SimResult<()> {
        if self.busy.is_some()
            || matches!(self.status, ServerStatus::Booting | ServerStatus::Deleting)
        {
            return Err(SimError::bad(
                "Server is busy: wait for the action in progress to complete",
            ));
        }
        if self.status == ServerStatus::Fail {
            return Err(SimError::bad("Server is in a failed state: delete it"));
        }
        Ok(())
    }
}
