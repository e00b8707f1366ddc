//! The image: public images grouped by OS (newest first), your templates, or cloud images.
//! Windows images go with Windows plans only, and the reverse.

use leptos::prelude::*;

use super::{CreateCtx, Problem};
use crate::model::create::ImageOption;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Public,
    Templates,
    Cloud,
}

#[component]
pub fn ImageSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let (images, templates, cloud) = ctx.options.with_value(|o| {
        (
            o.images.clone(),
            o.templates.clone(),
            o.cloud_images.clone(),
        )
    });
    let start = {
        let chosen = ctx.form.with_untracked(|f| f.image.clone());
        if templates.iter().any(|t| t.name == chosen) {
            Tab::Templates
        } else if cloud.iter().any(|t| t.name == chosen) {
            Tab::Cloud
        } else {
            Tab::Public
        }
    };
    let tab = RwSignal::new(start);
    let tab_button = move |t: Tab, label: &'static str, count: usize| {
        view! {
            <button
                type="button"
                class="tab"
                role="tab"
                aria-selected=move || (tab.get() == t).to_string()
                on:click=move |_| tab.set(t)
            >
                {label}" "<span class="muted small">{format!("({count})")}</span>
            </button>
        }
    };
    let mut oses: Vec<String> = images.iter().map(|i| i.os.clone()).collect();
    oses.dedup();
    let public = {
        let images = images.clone();
        oses.into_iter()
            .map(|os| {
                let list: Vec<ImageOption> = images.iter().filter(|i| i.os == os).cloned().collect();
                view! {
                    <div class="os-group">
                        <h3>{os}</h3>
                        <div class="choice-grid">{list.into_iter().map(|i| view! { <ImageChoice image=i /> }).collect_view()}</div>
                    </div>
                }
            })
            .collect_view()
    };
    let list = |items: Vec<ImageOption>, empty: &'static str| {
        if items.is_empty() {
            view! { <p class="muted">{empty}</p> }.into_any()
        } else {
            view! { <div class="choice-grid">{items.into_iter().map(|i| view! { <ImageChoice image=i /> }).collect_view()}</div> }.into_any()
        }
    };
    let templates_view = list(templates.clone(), crate::tr!(create.no_templates));
    let cloud_view = list(cloud.clone(), crate::tr!(create.no_cloud));
    view! {
        <section class="card create-section" aria-labelledby="image-h">
            <h2 id="image-h">{crate::tr!(create.image)}</h2>
            <div class="tabs" role="tablist" aria-label=crate::tr!(create.image_kind)>
                {tab_button(Tab::Public, crate::tr!(create.public_images), images.len())}
                {tab_button(Tab::Templates, crate::tr!(create.your_templates), templates.len())}
                {tab_button(Tab::Cloud, crate::tr!(create.cloud_images), cloud.len())}
            </div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Public>{public}</div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Templates>{templates_view}</div>
            <div role="tabpanel" hidden=move || tab.get() != Tab::Cloud>{cloud_view}</div>
            <Problem field="image" />
        </section>
    }
}

#[component]
fn ImageChoice(image: ImageOption) -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let windows = image.windows;
    let why = move || {
        let plan = ctx.form.with(|f| f.plan.clone());
        let windows_plan = ctx
            .options
            .with_value(|o| o.plan(&plan).map(|p| p.windows))
            .unwrap_or(false);
        match (windows, windows_plan) {
            (true, false) => Some(crate::tr!(create.needs_windows_plan)),
            (false, true) => Some(crate::tr!(create.not_for_windows_plans)),
            _ => None,
        }
    };
    let name = image.name.clone();
    let checked = {
        let name = name.clone();
        move || ctx.form.with(|f| f.image == name)
    };
    view! {
        <label class="choice" class:disabled=move || why().is_some() data-image=image.name.clone() title=image.description.clone()>
            <input
                type="radio"
                name="image"
                value=image.name.clone()
                prop:checked=checked
                disabled=move || why().is_some()
                on:change=move |_| ctx.update(|f| f.image = name.clone())
            />
            <span>
                <strong>{image.label.clone()}</strong>
                <span class="muted small block mono">{image.name.clone()}</span>
                {move || why().map(|w| view! { <span class="small block why">{w}</span> })}
            </span>
        </label>
    }
}
