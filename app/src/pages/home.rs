//! `/`: the dashboard: what someone opening the panel wants first. Servers by state (each a link
//! to the list filtered to it), what is running now (live), this month's spend so far and where
//! it is heading, the newest actions, and for an empty account where to start.

use crate::components::when::When;
use crate::model::consumption::ConsumptionView;
use crate::model::overview::{AccountOverview, ServerCounts};
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::consumption::consumption_month;
use crate::api::overview::overview;
use crate::components::error_view::ErrorNotice;
use crate::components::live::use_live;
use crate::components::server_time::ServerTime;
use crate::components::status::Progress;
use crate::model::consumption::euros;

/// A lazy route: `data` starts both fetches while the page's code loads.
pub struct HomePage {
    data: PageData<AccountOverview>,
    spend: PageData<ConsumptionView>,
}

#[lazy_route]
impl LazyRoute for HomePage {
    fn data() -> Self {
        let data = page_data(|| (), |_| overview());
        // This month's servers with the estimate: the consumption page's own call. Money is for
        // admins: others are not asked to make a call the access gate refuses.
        let admin = crate::components::layout::may(crate::model::team::Role::Admin);
        let spend = page_data(
            move || admin,
            |admin| async move {
                if admin {
                    consumption_month(0, 0, String::new()).await
                } else {
                    Err(crate::error::AppError::Forbidden(String::new()))
                }
            },
        );
        Self { data, spend }
    }

    fn view(this: Self) -> AnyView {
        home_page(this).into_any()
    }
}

fn home_page(HomePage { data, spend }: HomePage) -> impl IntoView {
    view! {
        <Title text=crate::tr!(home.title) />
        <div class="page-head">
            <h1>{crate::tr!(home.title)}</h1>
            <p class="lead">{crate::tr!(home.lead)}</p>
        </div>
        // Awaiting inside `Suspend` (not `.get()`): the `.get()` pattern can lose a wakeup in
        // Leptos 0.8's SSR and leave the response hanging (leptos#4578).
        <Suspense fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(home.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) if o.is_empty() => view! { <GettingStarted o /> }.into_any(),
                    Ok(o) => view! { <Loaded o spend /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Suspense>
        <div class="server-time-row"><ServerTime /></div>
    }
}

#[component]
fn Loaded(o: AccountOverview, spend: PageData<ConsumptionView>) -> impl IntoView {
    view! {
        <div class="stack">
        <StateCards c=o.servers.clone() />
        <div class="dashboard-grid">
            <InProgress />
            {crate::components::layout::may(crate::model::team::Role::Admin).then(|| view! { <Spend spend /> })}
            <section class="card" data-testid="account-card">
                <h2>{crate::tr!(home.account)}</h2>
                <p class="stat">{o.username.clone()}</p>
                <p class="muted">{o.email.clone()}</p>
                <p><a href="/account">{crate::tr!(home.account_link)}</a></p>
            </section>
        </div>
        <Recent o />
        </div>
    }
}

/// Servers by state: each figure links to the servers list filtered to it.
#[component]
fn StateCards(c: ServerCounts) -> impl IntoView {
    let card = |label: &'static str,
                n: usize,
                href: &'static str,
                testid: &'static str,
                note: Option<String>| {
        view! {
            <a class="figure state-card" href=href data-testid=testid>
                <span class="figure-label">{label}</span>
                <span class="figure-value" data-count=n>{n}</span>
                {note.map(|n| view! { <span class="muted small">{n}</span> })}
            </a>
        }
    };
    let split = match (c.running, c.stopped) {
        (Some(r), Some(s)) => Some(crate::tr!(home.split, running = r, stopped = s).to_string()),
        _ => Some(crate::tr!(home.split_unknown).to_string()),
    };
    view! {
        <section class="figures state-cards" aria-label=crate::tr!(home.by_state) data-testid="servers-card">
            <a class="figure state-card" href="/servers">
                <span class="figure-label">{crate::tr!(home.servers)}</span>
                <span class="figure-value" data-testid="servers-total">{c.total}</span>
                <span class="muted small">{crate::tr!(home.view_all)}</span>
            </a>
            {card(crate::tr!(home.ready), c.ready, "/servers?status=Booted", "count-ready", split)}
            {card(crate::tr!(home.busy), c.busy, "/servers?status=busy", "count-busy", Some(crate::tr!(home.busy_note).into()))}
            {card(crate::tr!(home.failed), c.failed, "/servers?status=Failed", "count-failed", (c.failed > 0).then(|| crate::tr!(home.failed_note).to_string()))}
        </section>
    }
}

/// Actions running now, from the live feed every page shares: they move on their own.
#[component]
fn InProgress() -> impl IntoView {
    let live = use_live();
    view! {
        <section class="card" data-testid="in-progress" aria-live="polite">
            <h2>{crate::tr!(home.in_progress)}</h2>
            {move || {
                let running = live.running.get();
                if running.is_empty() {
                    view! { <p class="muted">{crate::tr!(home.nothing_running)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain running-list">
                            {running.into_iter().map(|r| view! {
                                <li data-testid="running-action">
                                    <a class="mono" href=format!("/servers/{}", crate::model::table::encode(&r.resource))>{r.resource.clone()}</a>
                                    " "<span>{r.doing.clone()}</span>
                                    <Progress value=r.progress />
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <p><a href="/actions">{crate::tr!(home.all_actions)}</a></p>
        </section>
    }
}

#[component]
fn Spend(spend: PageData<ConsumptionView>) -> impl IntoView {
    view! {
        <section class="card" data-testid="spend">
            <h2>{crate::tr!(home.this_month)}</h2>
            <Transition fallback=|| view! { <p class="muted">{crate::tr!(home.adding_up)}</p> }>
                {move || Suspend::new(async move {
                    match spend.await {
                        Ok(v) => match v.projection {
                            Some(p) => view! {
                                <p class="stat" data-testid="spend-so-far">{euros(p.so_far)}</p>
                                <p class="muted">{crate::tr!(home.spent_in, month = v.month.label()).to_string()}</p>
                                <p>{crate::tr!(home.about, amount = euros(p.projected)).to_string()}<span class="badge">{crate::tr!(home.estimate)}</span></p>
                                <p><a href="/consumption">{crate::tr!(home.consumption)}</a></p>
                            }.into_any(),
                            None => view! { <p class="muted">{crate::tr!(home.no_figures)}</p> }.into_any(),
                        },
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Recent(o: AccountOverview) -> impl IntoView {
    view! {
        <section class="card" data-testid="recent">
            <h2>{crate::tr!(home.recent)}</h2>
            {if o.recent.is_empty() {
                view! { <p class="muted">{crate::tr!(home.no_actions)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain recent-list">
                        {o.recent.into_iter().map(|line| {
                            let when = line.row.created.clone();
                            let target = match line.target.href.clone() {
                                Some(href) => view! { <a href=href>{line.target.label.clone()}</a> }.into_any(),
                                None => view! { <span>{line.target.label.clone()}</span> }.into_any(),
                            };
                            let tone = line.row.outcome.tone();
                            view! {
                                <li data-testid="recent-action">
                                    <span class=format!("badge badge-{tone}")>{line.row.outcome.label()}</span>
                                    " "<span>{line.row.kind.clone()}</span>" · "{target}
                                    {when.map(|w| view! { " " <When at=w class="muted small"/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p><a href="/logs">{crate::tr!(home.log_link)}</a></p>
        </section>
    }
}

/// An account with no servers: the three steps to a first one.
#[component]
fn GettingStarted(o: AccountOverview) -> impl IntoView {
    view! {
        <section class="card getting-started" data-testid="getting-started">
            <h2>{crate::tr!(home.welcome, name = o.username.clone()).to_string()}</h2>
            <p class="muted">{crate::tr!(home.no_servers)}</p>
            <ol>
                <li><a href="/ssh-keys">{crate::tr!(home.step_key)}</a>{crate::tr!(home.step_key_end)}</li>
                <li><a href="/plans">{crate::tr!(home.step_plan)}</a>{crate::tr!(home.step_plan_end)}</li>
                <li><a href="/servers/new">{crate::tr!(home.step_create)}</a>{crate::tr!(home.step_create_end)}</li>
            </ol>
        </section>
    }
}
