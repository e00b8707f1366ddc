//! A server's snapshots (`/servers/{n}/snapshots`) and its weekly schedule (`/servers/{n}/crons`).
//! Restoring one is a server action (`rollback`, in `servers.rs`).

use serde_json::json;

use super::ApiCall;

/// What to change in a snapshot; `None` leaves it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotPatch<'a> {
    pub description: Option<&'a str>,
    pub notes: Option<&'a str>,
    pub protected: Option<bool>,
}

/// The weekly schedule's settings, as `POST` and `PATCH` take them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleSettings {
    /// 0 = Sunday … 6 = Saturday.
    pub day_of_week: u8,
    /// How many unprotected snapshots to keep.
    pub max_retention: u8,
    pub enabled: bool,
}

/// The only name a server's schedule has.
pub fn schedule_name(server: &str) -> String {
    format!("snapshot_schedule_{server}")
}

impl ApiCall {
    /// `POST /servers/{server}/snapshots {description, notes}`; no notes are sent as the
    /// description (the API wants some).
    pub fn create_snapshot(server: &str, description: &str, notes: Option<&str>) -> Self {
        Self::json(
            "POST",
            &["servers", server, "snapshots"],
            &json!({ "description": description, "notes": notes.unwrap_or(description) }),
        )
    }

    /// The create form as the server function sends it: trimmed, empty notes as none.
    pub fn create_snapshot_form(server: &str, description: &str, notes: &str) -> Self {
        let notes = notes.trim();
        Self::create_snapshot(
            server,
            description.trim(),
            (!notes.is_empty()).then_some(notes),
        )
    }

    /// `DELETE /servers/{server}/snapshots/{id}`.
    pub fn delete_snapshot(server: &str, snapshot: &str) -> Self {
        Self::bare("DELETE", &["servers", server, "snapshots", snapshot])
    }

    /// `PATCH /servers/{server}/snapshots/{id}` with the fields to change.
    pub fn update_snapshot(server: &str, snapshot: &str, patch: &SnapshotPatch<'_>) -> Self {
        let mut body = json!({});
        if let Some(d) = patch.description {
            body["description"] = json!(d);
        }
        if let Some(n) = patch.notes {
            body["notes"] = json!(n);
        }
        if let Some(p) = patch.protected {
            body["protected"] = json!(p);
        }
        Self::json("PATCH", &["servers", server, "snapshots", snapshot], &body)
    }

    /// `POST /servers/{server}/crons {type: snapshot_schedule, config: {typology: weekly, …}}`.
    pub fn create_snapshot_schedule(server: &str, settings: ScheduleSettings) -> Self {
        Self::json(
            "POST",
            &["servers", server, "crons"],
            &json!({
                "type": "snapshot_schedule",
                "config": {
                    "typology": "weekly",
                    "max_retention": settings.max_retention,
                    "day_of_week": settings.day_of_week,
                },
            }),
        )
    }

    /// `PATCH /servers/{server}/crons/snapshot_schedule_{server} {enabled, max_retention, day_of_week}`.
    pub fn update_snapshot_schedule(server: &str, settings: ScheduleSettings) -> Self {
        Self::json(
            "PATCH",
            &["servers", server, "crons", &schedule_name(server)],
            &json!({
                "enabled": settings.enabled,
                "max_retention": settings.max_retention,
                "day_of_week": settings.day_of_week,
            }),
        )
    }

    /// `DELETE /servers/{server}/crons/snapshot_schedule_{server}`.
    pub fn delete_snapshot_schedule(server: &str) -> Self {
        Self::bare(
            "DELETE",
            &["servers", server, "crons", &schedule_name(server)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(call: &ApiCall) -> serde_json::Value {
        serde_json::from_str(call.body.as_deref().unwrap_or("null")).unwrap()
    }

    #[test]
    fn a_snapshot_without_notes_sends_its_description_twice() {
        let call = ApiCall::create_snapshot_form("ec1", " before upgrade ", "  ");
        assert_eq!(call.segments(), ["servers", "ec1", "snapshots"]);
        assert_eq!(
            body(&call),
            json!({"description": "before upgrade", "notes": "before upgrade"})
        );
        let with = ApiCall::create_snapshot_form("ec1", "a", "b");
        assert_eq!(body(&with), json!({"description": "a", "notes": "b"}));
    }

    #[test]
    fn a_patch_sends_only_what_changes_and_a_delete_nothing() {
        let protect = ApiCall::update_snapshot(
            "ec1",
            "7",
            &SnapshotPatch {
                protected: Some(true),
                ..SnapshotPatch::default()
            },
        );
        assert_eq!(protect.method, "PATCH");
        assert_eq!(body(&protect), json!({"protected": true}));
        let delete = ApiCall::delete_snapshot("ec1", "7");
        assert_eq!(
            (delete.method, delete.segments(), delete.body.as_deref()),
            ("DELETE", vec!["servers", "ec1", "snapshots", "7"], None)
        );
    }

    #[test]
    fn the_schedule_has_one_name() {
        let s = ScheduleSettings {
            day_of_week: 0,
            max_retention: 3,
            enabled: true,
        };
        assert_eq!(
            ApiCall::update_snapshot_schedule("ec1", s).segments(),
            ["servers", "ec1", "crons", "snapshot_schedule_ec1"]
        );
        assert_eq!(
            body(&ApiCall::create_snapshot_schedule("ec1", s))["config"]["typology"],
            "weekly"
        );
    }
}
