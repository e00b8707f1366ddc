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
            <h2 id="script-h">{crate::tr!(create.cloud_script)}</h2>
            <p class="muted small">{crate::tr!(create.script_hint)}</p>
            <div class="choice-grid" role="radiogroup" aria-labelledby="script-h">
                {choice(ScriptMode::None, crate::tr!(create.no_script), crate::tr!(create.no_script_hint))}
                {choice(ScriptMode::OneOff, crate::tr!(create.one_off), crate::tr!(create.one_off_hint))}
                {choice(ScriptMode::Library, crate::tr!(create.library), crate::tr!(create.library_hint))}
            </div>
            <div hidden=move || mode() != ScriptMode::OneOff>
                <CodeEditor
                    value=Signal::derive(move || ctx.form.with(|f| f.script.clone()))
                    on_input=move |text| ctx.update(|f| f.script = text)
                    name="script"
                    label=crate::tr!(create.script)
                    placeholder="#!/bin/bash\napt-get update && apt-get -y upgrade"
                />
            </div>
            <Problem field="script" />
            <div hidden=move || mode() != ScriptMode::Library class="library">
                {if scripts.is_empty() {
                    view! { <p class="muted">{crate::tr!(create.library_empty)}<a href="/scripts">{crate::tr!(create.scripts_page)}</a>{crate::tr!(create.keys_registered_end)}</p> }.into_any()
                } else {
                    view! {
                        <label class="field">
                            <span>{crate::tr!(create.script)}</span>
                            <select
                                name="library_script"
                                on:change=move |ev| ctx.update(|f| f.library_script = event_target_value(&ev).parse().ok())
                            >
                                <option value="" selected=move || ctx.form.with(|f| f.library_script.is_none())>{crate::tr!(create.choose_script)}</option>
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
                    aria-label=crate::tr!(create.var_name, n = i + 1).to_string()
                    placeholder=crate::tr!(create.var_name_placeholder)
                    class="mono"
                    autocomplete="off"
                    prop:value=move || ctx.form.with(|f| f.env.get(i).map(|v| v.name.clone()).unwrap_or_default())
                    on:input=move |ev| ctx.update(|f| if let Some(v) = f.env.get_mut(i) { v.name = event_target_value(&ev) })
                />
                <input
                    type="password"
                    aria-label=crate::tr!(create.var_value, n = i + 1).to_string()
                    placeholder=crate::tr!(create.var_value_placeholder)
                    autocomplete="new-password"
                    prop:value=move || ctx.form.with(|f| f.env.get(i).map(|v| v.value.clone()).unwrap_or_default())
                    on:input=move |ev| ctx.update(|f| if let Some(v) = f.env.get_mut(i) { v.value = event_target_value(&ev) })
                />
                <button
                    type="button"
                    class="btn btn-sm btn-ghost"
                    aria-label=crate::tr!(create.var_remove, n = i + 1).to_string()
                    on:click=move |_| ctx.update(|f| if i < f.env.len() { f.env.remove(i); })
                >
                    {crate::tr!(create.remove)}
                </button>
            </div>
        }
    };
    view! {
        <fieldset class="env">
            <legend>{crate::tr!(create.env)}</legend>
            <p class="muted small">{crate::tr!(create.env_hint)}</p>
            {move || (0..count()).map(row).collect_view()}
            <button type="button" class="btn btn-sm" on:click=move |_| ctx.update(|f| f.env.push(EnvVar::default()))>
                {crate::tr!(create.add_variable)}
            </button>
            <Problem field="env" />
        </fieldset>
    }
}
