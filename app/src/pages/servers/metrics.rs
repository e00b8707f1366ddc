//! `/servers/{name}/metrics?range=24h`: CPU, disk and network charts for a range (or a custom
//! start/end), refreshed every minute while the tab is visible.

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{lazy_route, LazyRoute};

use crate::api::metrics::load_metrics;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::chart::Chart;
use crate::components::error_view::ErrorNotice;
use crate::model::metrics_view::{range_label, MetricsView, RANGES};

/// How often the charts reload themselves.
const REFRESH_MS: u32 = 60_000;

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`server_metrics_page`]) comes in its own wasm chunk.
pub struct ServerMetricsPage {
    name: Memo<String>,
    range: Memo<String>,
    custom: Memo<(String, String)>,
    data: PageData<MetricsView>,
}

#[lazy_route]
impl LazyRoute for ServerMetricsPage {
    fn data() -> Self {
        let params = use_params_map();
        let query = use_query_map();
        let name = Memo::new(move |_| params.with(|p| p.get("name").unwrap_or_default()));
        let range =
            Memo::new(move |_| query.with(|q| q.get("range").unwrap_or_else(|| "24h".into())));
        let custom = Memo::new(move |_| {
            query.with(|q| {
                (
                    q.get("from").unwrap_or_default(),
                    q.get("to").unwrap_or_default(),
                )
            })
        });
        let data = page_data(
            move || (name.get(), range.get(), custom.get()),
            |(n, r, (from, to))| load_metrics(n, r, from, to),
        );
        Self {
            name,
            range,
            custom,
            data,
        }
    }

    fn view(this: Self) -> AnyView {
        server_metrics_page(this).into_any()
    }
}

fn server_metrics_page(
    ServerMetricsPage {
        name,
        range,
        custom,
        data,
    }: ServerMetricsPage,
) -> impl IntoView {
    // Times in the viewer's zone: set after hydration, so SSR and the first render agree.
    let offset = RwSignal::new(0);
    Effect::new(move |_| offset.set(crate::browser::utc_offset_minutes()));
    // Every minute, while the tab is in view.
    let alive = StoredValue::new(());
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            leptos::task::spawn_local(async move {
                loop {
                    crate::browser::sleep_ms(REFRESH_MS).await;
                    if alive.try_get_value().is_none() {
                        return;
                    }
                    if crate::browser::tab_visible() {
                        data.refetch();
                    }
                }
            });
        }
    });
    view! {
        <Title text=move || crate::tr!(server.metrics.title, name = name.get()).to_string() />
        <Breadcrumbs trail=Signal::derive(move || vec![
            (crate::tr!(servers.title).to_string(), Some("/servers".to_string())),
            (name.get(), Some(format!("/servers/{}", name.get()))),
            (crate::tr!(server.tab_metrics).to_string(), None),
        ]) />
        // The server's display name, once the data is in (its id until then).
        <RangePicker name range custom>
            <Transition fallback=move || name.get()>
                {move || Suspend::new(async move {
                    data.await.map(|v| v.title).unwrap_or_else(|_| name.get_untracked())
                })}
            </Transition>
        </RangePicker>
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(server.metrics.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Charts view=v offset=offset.into() /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn RangePicker(
    name: Memo<String>,
    range: Memo<String>,
    custom: Memo<(String, String)>,
    /// The heading: the server's name.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="page-head page-head-row">
            <div>
                <h1 data-testid="metrics-title">{children()}</h1>
                <p class="lead">{crate::tr!(server.metrics.lead)}</p>
            </div>
        </div>
        <nav class="tabs tabs-page" aria-label=crate::tr!(server.sections)>
            <a class="tab" href=move || format!("/servers/{}", name.get())>{crate::tr!(server.tab_overview)}</a>
            <a class="tab" href=move || format!("/servers/{}?tab=actions", name.get())>{crate::tr!(server.tab_actions)}</a>
            <a class="tab" href=move || format!("/servers/{}?tab=settings", name.get())>{crate::tr!(server.tab_settings)}</a>
            <a class="tab" aria-current="page" href=move || format!("/servers/{}/metrics", name.get())>{crate::tr!(server.tab_metrics)}</a>
        </nav>
        <div class="ranges">
            <nav class="segmented" aria-label=crate::tr!(server.metrics.range)>
                {RANGES.iter().map(|(key, _)| view! {
                    <a
                        href=move || format!("/servers/{}/metrics?range={key}", name.get())
                        aria-current=move || (range.get() == *key).then_some("page")
                        data-range=*key
                    >
                        {range_label(key)}
                    </a>
                }).collect_view()}
            </nav>
            <form class="custom-range" method="get">
                <input type="hidden" name="range" value="custom" />
                <label>{crate::tr!(server.metrics.from)}<input type="datetime-local" name="from" value=move || custom.get().0 required /></label>
                <label>{crate::tr!(server.metrics.to)}<input type="datetime-local" name="to" value=move || custom.get().1 required /></label>
                <button class="btn btn-sm" type="submit">{crate::tr!(server.metrics.show)}</button>
                <span class="muted small">"(UTC)"</span>
            </form>
        </div>
    }
}

#[component]
fn Charts(view: MetricsView, offset: Signal<i32>) -> impl IntoView {
    if let Some(why) = view.unavailable.clone() {
        return view! {
            <section class="card empty" data-testid="metrics-unavailable">
                <h2>{crate::tr!(server.metrics.unavailable)}</h2>
                <p class="muted">{why}</p>
                <p class="muted small">{crate::tr!(server.metrics.unavailable_hint)}</p>
            </section>
        }
        .into_any();
    }
    let before = view.created.is_some_and(|c| c >= view.end);
    let empty = if before {
        crate::tr!(server.metrics.before)
    } else {
        crate::tr!(server.metrics.no_data)
    };
    view! {
        <div class="charts" data-testid="charts" data-samples=view.samples>
            {view.charts.into_iter().map(|c| view! {
                <section class="card"><Chart chart=c start=view.start end=view.end offset empty /></section>
            }).collect_view()}
        </div>
    }
    .into_any()
}
