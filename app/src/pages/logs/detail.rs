//! `/logs/{id}`: one entry with everything ECS recorded about the request. `extra_data` is shown
//! as text (or indented JSON) in a `<pre>`: whatever it holds, it is never markup.

use crate::page_data::{page_data_blocking, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use leptos_router::{lazy_route, LazyRoute};

use super::table::target_cell;
use crate::api::logs::get_log;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::MissingOr;
use crate::model::logs::{Extra, LogDetail};

pub struct LogEntryPage {
    id: Memo<String>,
    data: PageData<LogDetail>,
}

#[lazy_route]
impl LazyRoute for LogEntryPage {
    fn data() -> Self {
        let params = use_params_map();
        let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
        // Blocking: the response waits for it, so an unknown entry can still answer 404.
        let data = page_data_blocking(move || id.get(), get_log);
        Self { id, data }
    }

    fn view(this: Self) -> AnyView {
        log_entry_page(this).into_any()
    }
}

fn log_entry_page(LogEntryPage { id, data }: LogEntryPage) -> impl IntoView {
    view! {
        <Title text=move || crate::tr!(logs.detail.page_title, id = id.get()).to_string() />
        <Breadcrumbs trail=Signal::derive(move || vec![
            (crate::tr!(logs.title).to_string(), Some("/logs".to_string())),
            (crate::tr!(logs.detail.crumb, id = id.get()).to_string(), None),
        ]) />
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(logs.detail.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(detail) => view! { <Entry detail /> }.into_any(),
                    Err(e) => view! { <MissingOr error=e testid="log-missing" title=crate::tr!(logs.detail.not_found) back_href="/logs" back_label=crate::tr!(logs.detail.back) /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Entry(detail: LogDetail) -> impl IntoView {
    let LogDetail {
        row,
        url,
        location,
        result_type,
        result,
        description,
        extra,
    } = detail;
    let text = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    view! {
        <div class="page-head">
            <h1>{row.action.clone()}</h1>
            <p class="lead">
                <span class=row.severity.badge()>{row.severity_text.clone()}</span>" "
                <span class=if row.failed { "badge badge-danger" } else { "badge badge-ok" }>{row.status_text.clone()}</span>
                " "{crate::tr!(logs.detail.by_actor, actor = row.actor.clone()).to_string()}
            </p>
        </div>
        <section class="card" data-testid="log-entry" data-id=row.id>
            <h2>{crate::tr!(logs.detail.recorded)}</h2>
            <dl class="kvs">
                <div class="kv"><dt>{crate::tr!(logs.col.entry)}</dt><dd class="mono">{format!("#{}", row.id)}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.col.when)}</dt><dd>{row.when.map(|s| view! { <time datetime=s.iso.clone()>{s.exact(crate::locale::untracked())}</time>" "<span class="muted small">{s.relative(crate::locale::untracked())}</span> })}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.col.by)}</dt><dd>{row.actor.clone()}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.col.target)}</dt><dd>{target_cell(row.target)}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.detail.ip)}</dt><dd class="mono">{text(row.ip)}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.detail.location)}</dt><dd>{text(location)}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.detail.user_agent)}</dt><dd class="mono small">{text(row.user_agent)}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.detail.request)}</dt><dd class="mono small wrap">{text(url)}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.detail.result)}</dt><dd>{match (result_type, result) {
                    (None, None) => "—".to_string(),
                    (t, r) => [t, r].into_iter().flatten().collect::<Vec<_>>().join(": "),
                }}</dd></div>
                <div class="kv"><dt>{crate::tr!(logs.detail.description)}</dt><dd>{text(description)}</dd></div>
            </dl>
            <h3>{crate::tr!(logs.detail.extra)}</h3>
            {match extra {
                Some(Extra::Json(j)) => view! { <pre class="extra" data-testid="log-extra" data-kind="json">{j}</pre> }.into_any(),
                Some(Extra::Text(t)) => view! { <pre class="extra" data-testid="log-extra" data-kind="text">{t}</pre> }.into_any(),
                None => view! { <p class="muted" data-testid="log-extra-none">{crate::tr!(logs.detail.extra_none)}</p> }.into_any(),
            }}
            <p class="muted small">{crate::tr!(logs.detail.hostip)}</p>
        </section>
    }
}
