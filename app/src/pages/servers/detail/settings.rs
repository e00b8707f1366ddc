//! The detail page's settings tab: display name and group here; support and reserved period in
//! `support_reserved`. What is typed lives in the page's context, so a refresh never loses it.

use leptos::prelude::*;

use super::support_reserved::{ReservedCard, SupportCard};
use super::DetailCtx;
use crate::api::servers::settings::{MoveServer, RenameServer};
use crate::components::api_call::ShowApiCall;
use crate::components::error_view::report;
use crate::components::field::FieldError;
use crate::model::api_call::ApiCall;
use crate::model::server::{display_name, ServerDetail, NOTES_MAX};

#[component]
pub fn SettingsTab(detail: ServerDetail) -> impl IntoView {
    view! {
        <div class="grid grid-detail" data-testid="settings">
            <RenameCard detail=detail.clone() />
            <GroupCard detail=detail.clone() />
            <SupportCard detail=detail.clone() />
            <ReservedCard detail />
        </div>
    }
}

#[component]
fn RenameCard(detail: ServerDetail) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let saved = detail.row.notes.clone();
    let text = {
        let saved = saved.clone();
        move || ctx.notes_text.get().unwrap_or_else(|| saved.clone())
    };
    let error = Signal::derive(move || ctx.rename.value().get().and_then(Result::err));
    let preview = {
        let text = text.clone();
        move || {
            let t = text();
            let cleaned = display_name(&t);
            (cleaned != t.trim() && !cleaned.is_empty())
                .then(|| crate::tr!(server.settings.will_save, name = cleaned.clone()).to_string())
        }
    };
    let call_text = text.clone();
    view! {
        <section class="card">
            <h2>{crate::tr!(server.settings.display_name)}</h2>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    ctx.rename.dispatch(RenameServer { name: ctx.name.get_untracked(), notes: text() });
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.settings.shown_name)}</span>
                    <input
                        name="notes"
                        maxlength=NOTES_MAX.to_string()
                        prop:value=text.clone()
                        on:input=move |ev| ctx.notes_text.set(Some(event_target_value(&ev)))
                    />
                    <FieldError error field="notes" />
                    <span class="muted small">{move || preview().unwrap_or_else(|| crate::tr!(server.settings.spaces).into())}</span>
                </label>
                <button class="btn btn-primary" type="submit" disabled=move || ctx.rename.pending().get()>
                    {move || if ctx.rename.pending().get() { crate::tr!(server.saving) } else { crate::tr!(server.settings.rename) }}
                </button>
            </form>
            <ShowApiCall call=Signal::derive(move || ApiCall::rename_server(&ctx.name.get(), &display_name(&call_text()))) />
        </section>
    }
}

#[component]
fn GroupCard(detail: ServerDetail) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let current = detail.row.group.clone().map(|g| g.id).unwrap_or_default();
    let chosen = RwSignal::new(current.clone());
    let error = Signal::derive(move || ctx.regroup.value().get().and_then(Result::err));
    let unchanged = {
        let current = current.clone();
        move || chosen.get() == current
    };
    view! {
        <section class="card">
            <h2>{crate::tr!(server.settings.group)}</h2>
            {detail.groups.is_empty().then(|| view! {
                <p class="muted">{crate::tr!(server.settings.no_groups)}<a href="/groups">{crate::tr!(server.settings.groups_link)}</a>{crate::tr!(server.settings.no_groups_end)}</p>
            })}
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    ctx.regroup.dispatch(MoveServer { name: ctx.name.get_untracked(), group: chosen.get_untracked() });
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.settings.group)}</span>
                    <select name="group" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="" selected=current.is_empty()>{crate::tr!(server.settings.no_group)}</option>
                        {detail.groups.iter().map(|g| {
                            let sel = g.id == current;
                            view! { <option value=g.id.clone() selected=sel>{format!("{} ({})", g.label, g.id)}</option> }
                        }).collect_view()}
                    </select>
                    <FieldError error field="group" />
                </label>
                <button class="btn btn-primary" type="submit" disabled=move || unchanged() || ctx.regroup.pending().get()>
                    {move || if ctx.regroup.pending().get() { crate::tr!(server.settings.moving) } else { crate::tr!(server.settings.move_to) }}
                </button>
            </form>
            <ShowApiCall call=Signal::derive(move || ApiCall::server_group(&ctx.name.get(), &chosen.get())) />
        </section>
    }
}

/// A toast, and the page's data again, when a rename or a move answers.
pub fn follow_answers(ctx: DetailCtx) {
    Effect::new(move |_| {
        if let Some(r) = ctx.rename.value().get() {
            report(&r, |_| crate::tr!(server.settings.renamed).into());
            if r.is_ok() {
                ctx.notes_text.set(None);
                ctx.reload.run(());
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = ctx.regroup.value().get() {
            report(&r, |_| crate::tr!(server.settings.moved).into());
            if r.is_ok() {
                ctx.reload.run(());
            }
        }
    });
}
