//! The "Make a template" dialog: which server, a description, notes. Servers ECS will refuse
//! (v1, eCSGPU8) are marked in the select and explained when chosen; ECS's own refusal shows at
//! the server field.

use leptos::prelude::*;

use super::TemplatesCtx;
use crate::api::templates::CreateTemplate;
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::ErrorNotice;
use crate::components::field::FieldError;
use crate::error::AppError;
use crate::model::api_call::{ApiCall, TemplateFrom};
use crate::model::template::{DESCRIPTION_MAX, NOTES_MAX};

#[component]
pub fn NewTemplateDialog() -> impl IntoView {
    let ctx = expect_context::<TemplatesCtx>();
    let form = ctx.new_form;
    let error = Signal::derive(move || ctx.create.value().get().and_then(Result::err));
    // Errors that belong to no field are shown in the dialog (field ones next to their field).
    let general = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
    };
    let chosen_refusal = move || {
        let server = form.with(|f| f.server.clone());
        ctx.servers.with(|s| {
            s.as_ref()
                .ok()
                .and_then(|list| list.iter().find(|c| c.name == server))
                .and_then(|c| c.refusal)
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if ctx.create.pending().get_untracked() {
            return;
        }
        let f = form.get_untracked();
        ctx.create.dispatch(CreateTemplate {
            server: f.server,
            description: f.description,
            notes: f.notes,
        });
    };
    view! {
        <Dialog open=ctx.create_open title=crate::tr!(templates.make) id="new-template-dialog">
            <p class="muted small">
                {crate::tr!(templates.make_intro)}
            </p>
            <form class="form" on:submit=on_submit novalidate=true>
                <label class="field">
                    <span>{crate::tr!(templates.server)}</span>
                    {move || match ctx.servers.get() {
                        Ok(list) => view! {
                            <select
                                name="server"
                                required=true
                                on:change=move |ev| form.update(|f| f.server = event_target_value(&ev))
                            >
                                <option value="" selected=move || form.with(|f| f.server.is_empty())>{crate::tr!(templates.choose_server)}</option>
                                {list.into_iter().map(|c| {
                                    let value = c.name.clone();
                                    let text = match c.refusal {
                                        Some(r) => format!("{} ({}) — {}", c.title, c.name, r.short()),
                                        None => format!("{} ({})", c.title, c.name),
                                    };
                                    view! {
                                        <option
                                            value=c.name.clone()
                                            data-refused=c.refusal.is_some().then_some("true")
                                            selected=move || form.with(|f| f.server == value)
                                        >
                                            {text}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        }.into_any(),
                        Err(why) => view! {
                            <p class="notice notice-error">{crate::tr!(templates.not_listed, why = why).to_string()}</p>
                        }.into_any(),
                    }}
                    {move || chosen_refusal().map(|r| view! {
                        <span class="refusal-hint" data-testid="server-refusal">{r.sentence()}</span>
                    })}
                    <FieldError error field="server" />
                </label>
                <label class="field">
                    <span>{crate::tr!(templates.description)}</span>
                    <input
                        name="description"
                        required=true
                        maxlength=DESCRIPTION_MAX.to_string()
                        autocomplete="off"
                        placeholder=crate::tr!(templates.description_placeholder)
                        prop:value=move || form.with(|f| f.description.clone())
                        on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))
                    />
                    <FieldError error field="description" />
                </label>
                <NotesField
                    rows=3
                    value=Signal::derive(move || form.with(|f| f.notes.clone()))
                    on_input=Callback::new(move |text| form.update(|f| f.notes = text))
                    error
                />
                {move || general().map(|e| view! { <ErrorNotice error=e /> })}
                <ShowApiCall call=Signal::derive(move || {
                    form.with(|f| ApiCall::create_template_form(TemplateFrom::Server(&f.server), &f.description, &f.notes))
                }) />
                <DialogActions
                    open=ctx.create_open
                    pending=ctx.create.pending()
                    label=crate::tr!(templates.make_template)
                    busy=crate::tr!(templates.starting)
                    test_id="new-template-submit"
                />
            </form>
        </Dialog>
    }
}

/// A template's optional notes, in the make and edit dialogs.
#[component]
pub fn NotesField(
    rows: u32,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{crate::tr!(templates.notes)} <span class="muted small">{crate::tr!(templates.optional)}</span></span>
            <textarea
                name="notes"
                rows=rows.to_string()
                maxlength=NOTES_MAX.to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
            <FieldError error field="notes" />
        </label>
    }
}
