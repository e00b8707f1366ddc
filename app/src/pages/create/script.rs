//! Cloud script: none, a one-off script written here (monospace, line numbers), or a library
//! script with environment variables (values are secrets: masked, never echoed in messages).

use leptos::prelude::*;

use super::{CreateCtx, Problem};
use crate::components::code_editor::CodeEditor;
use crate::model::create::{EnvVar, ScriptMode};

#[component]
pub fn ScriptSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let scripts = ctx.options.with_value(|o| o.scripts.clone());
    let mode = move || ctx.form.with(|f| f.script_mode);
    let choice = move |m: ScriptMode, label: &'static str, hint: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="script_mode"
                    prop:checked=move || mode() == m
                    on:change=move |_| ctx.update(|f| f.script_mode = m)
                />
                <span><strong>{label}</strong><span class="muted small block">{hint}</span></span>
            </label>
        }
    };
    view! {
        <section class="card create-section" aria-labelledby="script-h">
            <h2 id="script-h">"Cloud script"</h2>
            <p class="muted small">"Runs once at first boot, as root. Use absolute paths: relative ones (./, ../, ~/) are refused."</p>
            <div class="choice-grid" role="radiogroup" aria-labelledby="script-h">
                {choice(ScriptMode::None, "No script", "The image as it is.")}
                {choice(ScriptMode::OneOff, "One-off script", "Written here, used for this server only.")}
                {choice(ScriptMode::Library, "From your library", "A saved script, with variables.")}
            </div>
            <div hidden=move || mode() != ScriptMode::OneOff>
                <CodeEditor
                    value=Signal::derive(move || ctx.form.with(|f| f.script.clone()))
                    on_input=move |text| ctx.update(|f| f.script = text)
                    name="script"
                    label="Script"
                    placeholder="#!/bin/bash\napt-get update && apt-get -y upgrade"
                />
            </div>
            <Problem field="script" />
            <div hidden=move || mode() != ScriptMode::Library class="library">
                {if scripts.is_empty() {
                    view! { <p class="muted">"Your library has no scripts yet: add one on the "<a href="/scripts">"Scripts"</a>" page."</p> }.into_any()
                } else {
                    view! {
                        <label class="field">
                            <span>"Script"</span>
                            <select
                                name="library_script"
                                on:change=move |ev| ctx.update(|f| f.library_script = event_target_value(&ev).parse().ok())
                            >
                                <option value="" selected=move || ctx.form.with(|f| f.library_script.is_none())>"Choose a script…"</option>
                                {scripts.into_iter().map(|s| {
                                    let id = s.id;
                                    view! {
                                        <option value=id.to_string() selected=move || ctx.form.with(|f| f.library_script == Some(id))>
                                            {s.title.clone()}{s.windows.then_some(" (Windows)")}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </label>
                    }.into_any()
                }}
                <Problem field="library_script" />
                <EnvEditor />
            </div>
        </section>
    }
}

/// Name/value rows, sent as `NAME="value"` lines. Values are typed into password fields.
#[component]
fn EnvEditor() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let count = move || ctx.form.with(|f| f.env.len());
    let row = move |i: usize| {
        view! {
            <div class="env-row" data-testid="env-row">
                <input
                    aria-label=format!("Variable {} name", i + 1)
                    placeholder="NAME"
                    class="mono"
                    autocomplete="off"
                    prop:value=move || ctx.form.with(|f| f.env.get(i).map(|v| v.name.clone()).unwrap_or_default())
                    on:input=move |ev| ctx.update(|f| if let Some(v) = f.env.get_mut(i) { v.name = event_target_value(&ev) })
                />
                <input
                    type="password"
                    aria-label=format!("Variable {} value", i + 1)
                    placeholder="value"
                    autocomplete="new-password"
                    prop:value=move || ctx.form.with(|f| f.env.get(i).map(|v| v.value.clone()).unwrap_or_default())
                    on:input=move |ev| ctx.update(|f| if let Some(v) = f.env.get_mut(i) { v.value = event_target_value(&ev) })
                />
                <button
                    type="button"
                    class="btn btn-sm btn-ghost"
                    aria-label=format!("Remove variable {}", i + 1)
                    on:click=move |_| ctx.update(|f| if i < f.env.len() { f.env.remove(i); })
                >
                    "Remove"
                </button>
            </div>
        }
    };
    view! {
        <fieldset class="env">
            <legend>"Environment variables"</legend>
            <p class="muted small">"Set at the top of the script as NAME=\"value\". Values are treated as secrets: hidden here and never logged."</p>
            {move || (0..count()).map(row).collect_view()}
            <button type="button" class="btn btn-sm" on:click=move |_| ctx.update(|f| f.env.push(EnvVar::default()))>
                "+ Add variable"
            </button>
            <Problem field="env" />
        </fieldset>
    }
}
