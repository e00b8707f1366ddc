//! Live activity: one poller per tab reads `server_activity` and tells pages what is running and
//! when something started or ended. Every 15 s when idle, every 2 s while anything runs or a page
//! waits on an action (slower as the work drags on), at once after a mutation (`poke`), and never
//! while the tab is hidden. Failed polls back off; an ended session stops it for good; an action
//! followed for longer than [`WATCH_CAP_MS`] is given up with a message.

use leptos::prelude::*;

use crate::model::activity::Running;

/// Milliseconds between polls when nothing is running, and while something is.
pub const IDLE_MS: u32 = 15_000;
pub const BUSY_MS: u32 = 2_000;
/// How long a page's action is followed before the poller gives up on it.
pub const WATCH_CAP_MS: f64 = 30.0 * 60_000.0;

/// The pace while something runs, by how long it has been running: every 2 s for two minutes,
/// every 5 s up to ten, then every 15 s (a slow build does not need a poll every 2 s).
pub fn busy_pace(busy_for_ms: f64) -> u32 {
    if busy_for_ms < 120_000.0 {
        BUSY_MS
    } else if busy_for_ms < 600_000.0 {
        5_000
    } else {
        IDLE_MS
    }
}

/// The pace after `failures` failed polls in a row: 15 s, 30 s, 60 s, then every 2 minutes.
pub fn failure_pace(failures: u32) -> u32 {
    IDLE_MS
        .saturating_mul(1 << failures.clamp(1, 4).saturating_sub(1))
        .min(120_000)
}

/// An action a page started and wants to hear the end of, with what to say then.
#[derive(Debug, Clone)]
// Read only by the browser's poll loop.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct Watch {
    id: u64,
    done: String,
    failed: String,
    /// When the page started following it (browser clock, ms).
    since: f64,
}

#[derive(Clone, Copy)]
pub struct Live {
    /// Actions in progress (from the newest page of `/actions`).
    pub running: RwSignal<Vec<Running>>,
    /// Bumped whenever an action starts or ends: pages reload their data on it.
    pub changed: RwSignal<u64>,
    watching: StoredValue<Vec<Watch>>,
    poked: StoredValue<bool>,
}

impl Live {
    /// Follows action `id`; when it ends, a toast says `done` or `failed`.
    pub fn watch(&self, id: u64, done: impl Into<String>, failed: impl Into<String>) {
        self.watching.update_value(|w| {
            w.push(Watch {
                id,
                done: done.into(),
                failed: failed.into(),
                since: crate::browser::now_ms(),
            })
        });
        self.poke();
    }

    /// Polls now (after a mutation), not at the next tick.
    pub fn poke(&self) {
        self.poked.set_value(true);
    }

    /// The action running on `resource`, if any (reactive).
    pub fn on(&self, resource: &str) -> Option<Running> {
        self.running
            .with(|r| r.iter().find(|a| a.resource == resource).cloned())
    }
}

pub fn use_live() -> Live {
    expect_context::<Live>()
}

/// Provides the poller; it only runs in the browser, and only when someone is signed in.
pub fn provide_live(signed_in: bool) -> Live {
    let live = Live {
        running: RwSignal::new(Vec::new()),
        changed: RwSignal::new(0),
        watching: StoredValue::new(Vec::new()),
        poked: StoredValue::new(false),
    };
    provide_context(live);
    #[cfg(feature = "hydrate")]
    if signed_in {
        let toasts = super::toast::use_toasts();
        leptos::task::spawn_local(poll(live, toasts));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = signed_in;
    live
}

/// The poll loop: wakes every 250 ms to see whether a poll is due.
#[cfg(feature = "hydrate")]
async fn poll(live: Live, toasts: super::toast::Toasts) {
    use crate::api::servers::activity::server_activity;
    use crate::error::AppError;

    const STEP_MS: u32 = 250;
    let mut waited: u32 = 0;
    let mut last_mark: Option<String> = None;
    let mut busy_since: Option<f64> = None;
    let mut failures: u32 = 0;
    // The first poll comes after a short pause: the page has just been rendered with fresh data.
    let mut due: u32 = 1_000;
    loop {
        crate::browser::sleep_ms(STEP_MS).await;
        waited += STEP_MS;
        let Some(poked) = live.poked.try_get_value() else {
            return; // the app is gone
        };
        if !crate::browser::tab_visible() || (!poked && waited < due) {
            continue;
        }
        live.poked.set_value(false);
        waited = 0;
        let ids: Vec<u64> = live
            .watching
            .with_value(|w| w.iter().map(|x| x.id).collect());
        match server_activity(ids).await {
            Ok(activity) => {
                failures = 0;
                for f in &activity.finished {
                    let watch = live
                        .watching
                        .with_value(|w| w.iter().find(|x| x.id == f.id).cloned());
                    live.watching.update_value(|w| w.retain(|x| x.id != f.id));
                    if let Some(watch) = watch {
                        if f.ok {
                            toasts.ok(watch.done);
                        } else {
                            toasts.error(watch.failed);
                        }
                    }
                }
                let now = crate::browser::now_ms();
                let stale = live
                    .watching
                    .with_value(|w| w.iter().filter(|x| now - x.since > WATCH_CAP_MS).count());
                if stale > 0 {
                    live.watching
                        .update_value(|w| w.retain(|x| now - x.since <= WATCH_CAP_MS));
                    toasts.error(crate::tr!(model.components.live_gave_up));
                }
                let busy =
                    !activity.running.is_empty() || live.watching.with_value(|w| !w.is_empty());
                busy_since = if busy { busy_since.or(Some(now)) } else { None };
                due = busy_since.map_or(IDLE_MS, |t| busy_pace(now - t));
                if live.running.get_untracked() != activity.running {
                    live.running.set(activity.running);
                }
                if last_mark.as_ref().is_some_and(|m| *m != activity.mark)
                    || !activity.finished.is_empty()
                {
                    live.changed.update(|n| *n += 1);
                }
                last_mark = Some(activity.mark);
            }
            Err(AppError::SessionExpired) => {
                super::error_view::go_to_sign_in();
                return;
            }
            // A failed poll is not worth a message: try again later, and later still.
            Err(_) => {
                failures += 1;
                due = failure_pace(failures);
            }
        }
    }
}

/// Reloads a page's data (`refetch`) whenever the live feed says an action started or ended (not
/// on the first run: the page has just loaded it).
pub fn reload_on_activity(live: Live, refetch: impl Fn() + 'static) {
    Effect::new(move |prev: Option<u64>| {
        let n = live.changed.get();
        if prev.is_some_and(|p| p != n) {
            refetch();
        }
        n
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busy_pace_slows_as_work_drags_on() {
        assert_eq!(busy_pace(0.0), 2_000);
        assert_eq!(busy_pace(119_000.0), 2_000);
        assert_eq!(busy_pace(120_000.0), 5_000);
        assert_eq!(busy_pace(3_600_000.0), IDLE_MS);
    }

    #[test]
    fn failed_polls_back_off_to_a_cap() {
        let paces: Vec<u32> = (1..=6).map(failure_pace).collect();
        assert_eq!(paces, [15_000, 30_000, 60_000, 120_000, 120_000, 120_000]);
    }
}
