//! `/servers/new`: one form with everything the API offers. What is chosen lives in one signal,
//! kept in the tab's storage (an error or a trip through sign-in loses nothing), checked as it is
//! typed, checked again by the server, and sent once per form token.

mod choices;
mod extras;
mod image;
mod plan;
mod script;
mod summary;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::create::{load_create_options, CreateServer};
use crate::components::error_view::ErrorNotice;
use crate::model::create::{CreateForm, CreateOptions};
use crate::model::create_check::problems;

/// Where the form is kept between page loads (this tab only).
const STORAGE_KEY: &str = "ecs-panel:create-form";

#[derive(Clone, Copy)]
pub struct CreateCtx {
    pub form: RwSignal<CreateForm>,
    pub options: StoredValue<CreateOptions>,
    pub submit: ServerAction<CreateServer>,
    /// Field problems are shown once the person tried to submit (or touched the field).
    pub show_all: RwSignal<bool>,
}

impl CreateCtx {
    /// The message for `field`: the browser's check, else the server's answer.
    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let ctx = *self;
        Signal::derive(move || {
            let local = if ctx.show_all.get() {
                ctx.options.with_value(|o| {
                    problems(&ctx.form.get(), Some(o))
                        .into_iter()
                        .find(|(f, _)| *f == field)
                        .map(|(_, m)| m)
                })
            } else {
                None
            };
            local.or_else(|| {
                ctx.submit
                    .value()
                    .get()
                    .and_then(Result::err)
                    .and_then(|e| e.field_message(field))
            })
        })
    }

    pub fn update(&self, f: impl FnOnce(&mut CreateForm)) {
        self.form.update(f);
    }
}

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`create_page`]) comes in its own wasm chunk.
pub struct CreatePage {
    data: PageData<CreateOptions>,
}

#[lazy_route]
impl LazyRoute for CreatePage {
    fn data() -> Self {
        let data = page_data(|| (), |_| load_create_options());
        Self { data }
    }

    fn view(this: Self) -> AnyView {
        create_page(this).into_any()
    }
}

fn create_page(CreatePage { data }: CreatePage) -> impl IntoView {
    view! {
        <Title text=crate::tr!(create.title) />
        <nav class="crumbs" aria-label=crate::tr!(common.ui.breadcrumb)>
            <a href="/servers">{crate::tr!(servers.title)}</a>
            <span aria-hidden="true">" / "</span>
            <span aria-current="page">{crate::tr!(create.crumb)}</span>
        </nav>
        <div class="page-head">
            <h1>{crate::tr!(create.title)}</h1>
            <p class="lead">{crate::tr!(create.lead)}</p>
        </div>
        <Suspense fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(create.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(options) => view! { <CreateForm options /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Sensible defaults (the smallest standard plan, Frosinone, the newest Ubuntu), then what the
/// URL asks for (`?plan=…&image=…&region=…`, from the plans and templates pages; `?script=<id>`
/// from the scripts page picks that library script, and for a Windows script a Windows plan and
/// image unless the URL names them).
fn initial(options: &CreateOptions, query: &leptos_router::params::ParamsMap) -> CreateForm {
    let script = library_script(options, query);
    let windows = script.is_some_and(|s| s.windows);
    let pick = |key: &str, ok: &dyn Fn(&str) -> bool, fallback: Option<String>| {
        query
            .get(key)
            .filter(|v| ok(v))
            .or(fallback)
            .unwrap_or_default()
    };
    let plan = pick(
        "plan",
        &|v| options.plan(v).is_some(),
        options
            .plans
            .iter()
            .find(|p| {
                let family = if windows { "Windows" } else { "Standard" };
                p.family == family && !p.placeable.is_empty()
            })
            .map(|p| p.name.clone()),
    );
    let region = pick(
        "region",
        &|v| options.regions.iter().any(|r| r.code == v),
        Some("it-fr2".to_string()).filter(|r| options.regions.iter().any(|x| x.code == *r)),
    );
    let image = pick(
        "image",
        &|v| options.image(v).is_some(),
        options
            .images
            .iter()
            .filter(|i| if windows { i.windows } else { i.os == "Ubuntu" })
            .max_by(|a, b| a.name.cmp(&b.name))
            .map(|i| i.name.clone()),
    );
    let mut form = CreateForm {
        plan,
        region,
        image,
        form_token: options.form_token.clone(),
        ..Default::default()
    };
    if let Some(s) = script {
        choose_script(&mut form, s.id);
    }
    form
}

/// The library script `?script=<id>` names, if the account has it.
fn library_script<'a>(
    options: &'a CreateOptions,
    query: &leptos_router::params::ParamsMap,
) -> Option<&'a crate::model::create::ScriptOption> {
    let id: u64 = query.get("script")?.trim().parse().ok()?;
    options.scripts.iter().find(|s| s.id == id)
}

fn choose_script(form: &mut CreateForm, id: u64) {
    form.script_mode = crate::model::create::ScriptMode::Library;
    form.library_script = Some(id);
}

#[component]
fn CreateForm(options: CreateOptions) -> impl IntoView {
    let query = use_query_map();
    let linked = initial(&options, &query.get_untracked());
    let form = RwSignal::new(linked);
    let ctx = CreateCtx {
        form,
        options: StoredValue::new(options),
        submit: ServerAction::new(),
        show_all: RwSignal::new(false),
    };
    provide_context(ctx);
    // Back from sign-in or a reload: what was typed comes back (browser only, after hydration).
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            if let Some(mut saved) = crate::browser::stored(STORAGE_KEY)
                .and_then(|s| serde_json::from_str::<CreateForm>(&s).ok())
            {
                // A script asked for by the URL wins over the one kept, and so do the plan and
                // image chosen for it when the kept ones are for the other system.
                ctx.options.with_value(|o| {
                    if let Some(s) = library_script(o, &query.get_untracked()) {
                        choose_script(&mut saved, s.id);
                        if o.plan(&saved.plan).map(|p| p.windows) != Some(s.windows) {
                            let fresh = form.get_untracked();
                            saved.plan = fresh.plan;
                            saved.image = fresh.image;
                        }
                    }
                });
                // A link that names a plan, image or region (the plans and templates pages)
                // wins over an older draft; `initial` already holds those values when valid.
                let asked = query.get_untracked();
                let now = form.get_untracked();
                if asked.get("plan").is_some_and(|v| v == now.plan) {
                    saved.plan = now.plan;
                }
                if asked.get("image").is_some_and(|v| v == now.image) {
                    saved.image = now.image;
                }
                if asked.get("region").is_some_and(|v| v == now.region) {
                    saved.region = now.region;
                }
                form.set(saved);
            }
        } else {
            let json = serde_json::to_string(&form.get()).ok();
            crate::browser::store(STORAGE_KEY, json.as_deref());
        }
        form.track();
    });
    follow_submit(ctx);
    // Marks the form live once it is hydrated (Effects run only in the browser).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.show_all.set(true);
        let form_now = form.get_untracked();
        let ok = ctx
            .options
            .with_value(|o| problems(&form_now, Some(o)).is_empty());
        if ok && !ctx.submit.pending().get_untracked() {
            ctx.submit.dispatch(CreateServer { form: form_now });
        }
    };
    view! {
        <form class="create" on:submit=on_submit novalidate=true data-ready=move || ready.get().to_string()>
            <div class="create-main">
                <plan::PlanSection />
                <plan::RegionSection />
                <image::ImageSection />
                <extras::NameSection />
                <extras::AccessSection />
                <script::ScriptSection />
                <extras::IsolationSection />
                <extras::NetworkSection />
                <choices::ChoicesSection />
            </div>
            <summary::Summary />
        </form>
    }
}

/// When the create answers: on to the new server's page (following its action), or the
/// problems shown where they belong.
fn follow_submit(ctx: CreateCtx) {
    let live = crate::components::live::use_live();
    let toasts = crate::components::toast::use_toasts();
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        let Some(result) = ctx.submit.value().get() else {
            return;
        };
        match result {
            Ok(created) => {
                crate::browser::store(STORAGE_KEY, None);
                if let Some(id) = created.action {
                    live.watch(
                        id,
                        crate::tr!(create.ready, name = created.notes.clone()).to_string(),
                        crate::tr!(create.not_placed, name = created.notes.clone()).to_string(),
                    );
                }
                toasts
                    .ok(crate::tr!(create.creating_name, name = created.notes.clone()).to_string());
                navigate(&format!("/servers/{}", created.name), Default::default());
            }
            Err(e) => crate::components::error_view::report_failure(&e),
        }
    });
}

/// The message under a field, when there is one.
#[component]
pub fn Problem(field: &'static str) -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let message = ctx.error(field);
    move || {
        message
            .get()
            .map(|m| view! { <p class="field-error" role="alert" data-field=field>{m}</p> })
    }
}
