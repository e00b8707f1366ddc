//! The snapshots tab's weekly schedule: shown, created, changed, paused and removed. ECS runs it
//! once a week on the chosen day, in the 00:00–06:00 UTC window, and first deletes the oldest
//! unprotected snapshots beyond the retention.

use leptos::prelude::*;

use super::snap_ctx::SnapCtx;
use super::DetailCtx;
use crate::api::servers::schedule::{RemoveSchedule, SaveSchedule};
use crate::components::error_view::report;
use crate::components::field::FieldError;
use crate::components::when::When;
use crate::model::snapshot::{days, SnapshotsView};

#[component]
pub fn ScheduleCard(view: SnapshotsView) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let snap = expect_context::<SnapCtx>();
    let saved = view.schedule.clone();
    let saved_day = saved.as_ref().map_or(0, |s| s.day_of_week);
    let saved_keep = saved.as_ref().map_or(2, |s| s.max_retention).to_string();
    let day = move || snap.day.get().unwrap_or(saved_day);
    let keep = {
        let saved_keep = saved_keep.clone();
        move || snap.keep.get().unwrap_or_else(|| saved_keep.clone())
    };
    let error = Signal::derive(move || snap.schedule.value().get().and_then(Result::err));
    let pending = snap.schedule.pending();
    let paused = saved.as_ref().is_some_and(|s| !s.enabled);
    let has = saved.is_some();
    let going = view.rows.iter().filter(|r| r.goes_next).count();
    let submit = {
        let keep = keep.clone();
        move |paused: bool| {
            snap.schedule.dispatch(SaveSchedule {
                name: ctx.name.get_untracked(),
                day: day(),
                // A number the field cannot hold is sent as 0: the server function says why.
                keep: keep().trim().parse().unwrap_or(0),
                paused,
            });
        }
    };
    let submit_pause = submit.clone();
    view! {
        <section class="card" aria-labelledby="schedule-title" data-testid="schedule">
            <h2 id="schedule-title">{crate::tr!(server.schedule.title)}</h2>
            {view.schedule_error.clone().map(|e| view! { <p class="notice notice-error" role="alert">{e}</p> })}
            {match saved.clone() {
                Some(s) => view! {
                    <p data-testid="schedule-sentence">
                        <strong>{s.sentence()}</strong>
                        {(!s.enabled).then(|| view! { " "<span class="tag tag-warn">{crate::tr!(server.schedule.paused)}</span> })}
                    </p>
                    <p class="muted small">
                        {s.next_run.clone().map(|n| view! {
                            {crate::tr!(server.schedule.next_run)}<time datetime=n.iso.clone() title=n.exact(crate::locale::untracked()) data-testid="schedule-next">{n.relative(crate::locale::untracked())}</time>". "
                        })}
                        {s.last_run.clone().map(|l| view! {
                            {crate::tr!(server.schedule.last_run)}<When at=l/>
                            {s.last_status.clone().map(|st| format!(" ({st})"))}". "
                        })}
                        {match going {
                            0 => crate::tr!(server.schedule.none_go).to_string(),
                            1 => crate::tr!(server.schedule.one_goes).to_string(),
                            n => crate::tr!(server.schedule.many_go, n = n).to_string(),
                        }}
                    </p>
                }.into_any(),
                None => view! {
                    <p class="muted small" data-testid="schedule-none">
                        {crate::tr!(server.schedule.none)}
                    </p>
                }.into_any(),
            }}
            <form
                class="form schedule-form"
                // The panel checks the numbers and says why next to the field.
                novalidate=true
                on:submit={
                    let submit = submit.clone();
                    move |ev| {
                        ev.prevent_default();
                        submit(paused);
                    }
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.schedule.day)}</span>
                    <select name="day" on:change=move |ev| snap.day.set(event_target_value(&ev).parse().ok())>
                        {days().into_iter().enumerate().map(|(i, d)| {
                            let i = i as u8;
                            view! { <option value=i.to_string() selected=move || day() == i>{d}</option> }
                        }).collect_view()}
                    </select>
                    <FieldError error field="day" />
                </label>
                <label class="field">
                    <span>{crate::tr!(server.schedule.keep)}</span>
                    <input
                        name="keep"
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="30"
                        prop:value=keep.clone()
                        on:input=move |ev| snap.keep.set(Some(event_target_value(&ev)))
                    />
                    <FieldError error field="keep" />
                </label>
                <p class="muted small">{crate::tr!(server.schedule.window)}</p>
                <div class="form-actions">
                    <button class="btn btn-primary" type="submit" data-testid="schedule-save" disabled=move || pending.get()>
                        {move || if pending.get() { crate::tr!(server.saving) } else if has { crate::tr!(server.schedule.save) } else { crate::tr!(server.schedule.set) }}
                    </button>
                    {has.then(|| view! {
                        <button
                            class="btn"
                            type="button"
                            data-testid="schedule-pause"
                            disabled=move || pending.get()
                            on:click={
                                let submit = submit_pause.clone();
                                move |_| submit(!paused)
                            }
                        >{if paused { crate::tr!(server.schedule.resume) } else { crate::tr!(server.schedule.pause) }}</button>
                        <button
                            class="btn btn-ghost"
                            type="button"
                            data-testid="schedule-remove"
                            disabled=move || snap.unschedule.pending().get()
                            on:click=move |_| { snap.unschedule.dispatch(RemoveSchedule { name: ctx.name.get_untracked() }); }
                        >{crate::tr!(server.schedule.remove)}</button>
                    })}
                </div>
            </form>
        </section>
    }
}

/// Toasts and a reload when the schedule is saved or removed.
pub fn follow_answers(snap: SnapCtx) {
    Effect::new(move |_| {
        if let Some(r) = snap.schedule.value().get() {
            report(&r, |s| {
                if s.enabled {
                    crate::tr!(
                        server.schedule.saved,
                        sentence = s.sentence().to_lowercase()
                    )
                    .to_string()
                } else {
                    crate::tr!(server.schedule.paused_toast).into()
                }
            });
            if r.is_ok() {
                snap.day.set(None);
                snap.keep.set(None);
                snap.data.refetch();
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = snap.unschedule.value().get() {
            report(&r, |_| crate::tr!(server.schedule.removed).into());
            if r.is_ok() {
                snap.day.set(None);
                snap.keep.set(None);
                snap.data.refetch();
            }
        }
    });
}
