//! `/servers/{name}`: header with power, console and delete; tabs for the overview, the actions,
//! the snapshots, the networks and the settings (tab and actions page in the URL). Everything that holds what a person typed
//! or opened (forms, dialogs, pending actions) lives in the page's [`DetailCtx`], above the part
//! that refreshes; each part handles the answers of the actions it sends (`follow_answers`).

mod actions;
mod busy;
mod dialogs;
mod head;
mod net_ctx;
mod network_add;
mod networks;
mod overview;
mod schedule;
mod settings;
mod snap_ctx;
mod snapshot_dialogs;
mod snapshot_table;
mod snapshots;
mod support_reserved;
mod tab_data;
mod typed_name;

use crate::page_data::{page_data_blocking, PageData};
use leptos::prelude::*;

use crate::i18n::td_string;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{lazy_route, LazyRoute};

use crate::api::servers::detail::load_server;
use crate::api::servers::lifecycle::{ConsoleKey, DeleteServer, PowerServer};
use crate::api::servers::settings::{MoveServer, RenameServer, ReserveServer, SetSupport};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::MissingOr;
use crate::components::live::{reload_on_activity, use_live};
use crate::model::server::{ReservationView, ServerDetail};
use actions::ActionsTab;
use dialogs::DetailDialogs;
use head::DetailHead;
use net_ctx::NetCtx;
use networks::{NetworksTab, RemoveDialog};
use overview::OverviewTab;
use settings::SettingsTab;
use snap_ctx::SnapCtx;
use snapshot_dialogs::SnapshotDialogs;
use snapshots::SnapshotsTab;

/// State shared by the header, the tabs and the dialogs of one detail page.
#[derive(Clone, Copy)]
pub struct DetailCtx {
    pub name: Memo<String>,
    /// The last loaded detail (browser only), for the dialogs.
    pub current: RwSignal<Option<ServerDetail>>,
    pub power: ServerAction<PowerServer>,
    pub console: ServerAction<ConsoleKey>,
    pub delete: ServerAction<DeleteServer>,
    pub rename: ServerAction<RenameServer>,
    pub regroup: ServerAction<MoveServer>,
    pub support: ServerAction<SetSupport>,
    pub reserve: ServerAction<ReserveServer>,
    pub power_open: RwSignal<bool>,
    pub console_open: RwSignal<bool>,
    pub delete_open: RwSignal<bool>,
    /// What is typed in the rename box and the delete confirmation.
    pub notes_text: RwSignal<Option<String>>,
    pub confirm_text: RwSignal<String>,
    pub reserved: RwSignal<Option<ReservationView>>,
    /// Reloads the page's data.
    pub reload: Callback<()>,
}

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`server_detail_page`]) comes in its own wasm chunk.
pub struct ServerDetailPage {
    name: Memo<String>,
    tab: Memo<String>,
    data: PageData<ServerDetail>,
}

#[lazy_route]
impl LazyRoute for ServerDetailPage {
    fn data() -> Self {
        let params = use_params_map();
        let query = use_query_map();
        let name = Memo::new(move |_| params.with(|p| p.get("name").unwrap_or_default()));
        let tab = Memo::new(move |_| query.with(|q| q.get("tab").unwrap_or_default()));
        let page = Memo::new(move |_| {
            query.with(|q| {
                q.get("page")
                    .and_then(|p| p.parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1)
            })
        });
        // Blocking: the response waits for it, so an unknown server can still answer 404.
        let data = page_data_blocking(move || (name.get(), page.get()), |(n, p)| load_server(n, p));
        Self { name, tab, data }
    }

    fn view(this: Self) -> AnyView {
        server_detail_page(this).into_any()
    }
}

fn server_detail_page(ServerDetailPage { name, tab, data }: ServerDetailPage) -> impl IntoView {
    let live = use_live();
    reload_on_activity(live, move || data.refetch());
    let current = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(Ok(d)) = data.get() {
            current.set(Some(d));
        }
    });
    let ctx = DetailCtx {
        name,
        current,
        power: ServerAction::new(),
        console: ServerAction::new(),
        delete: ServerAction::new(),
        rename: ServerAction::new(),
        regroup: ServerAction::new(),
        support: ServerAction::new(),
        reserve: ServerAction::new(),
        power_open: RwSignal::new(false),
        console_open: RwSignal::new(false),
        delete_open: RwSignal::new(false),
        notes_text: RwSignal::new(None),
        confirm_text: RwSignal::new(String::new()),
        reserved: RwSignal::new(None),
        reload: Callback::new(move |_| data.refetch()),
    };
    provide_context(ctx);
    let snap = SnapCtx::new(name, tab);
    provide_context(snap);
    let net = NetCtx::new(name, tab);
    provide_context(net);
    // Here, above the refreshing part, so an answer is handled once however often it re-renders.
    head::follow_answers(ctx);
    dialogs::follow_answers(ctx);
    settings::follow_answers(ctx);
    support_reserved::follow_answers(ctx);
    snapshot_dialogs::follow_answers(ctx, snap);
    schedule::follow_answers(snap);
    networks::follow_answers(ctx, net);

    view! {
        <Title text=move || name.get() />
        <Breadcrumbs trail=Signal::derive(move || vec![
            (td_string!(crate::locale::untracked(), servers.title).to_string(), Some("/servers".to_string())),
            (name.get(), None),
        ]) />
        <Transition fallback=|| view! { <section class="card"><p class="muted">{td_string!(crate::locale::untracked(), server.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <Loaded detail=d tab /> }.into_any(),
                    Err(e) => view! { <MissingOr error=e testid="server-missing" title=td_string!(crate::locale::untracked(), server.not_found) back_href="/servers" back_label=td_string!(crate::locale::untracked(), server.back) /> }.into_any(),
                }
            })}
        </Transition>
        <DetailDialogs />
        <SnapshotDialogs />
        <RemoveDialog />
    }
}

#[component]
fn Loaded(detail: ServerDetail, tab: Memo<String>) -> impl IntoView {
    let name = detail.row.name.clone();
    let tab_link = |t: &str| {
        if t == "overview" {
            format!("/servers/{name}")
        } else {
            format!("/servers/{name}?tab={t}")
        }
    };
    // Switching tabs changes only the URL's query: no reload of the data.
    let current = Memo::new(move |_| match tab.get().as_str() {
        t @ ("actions" | "snapshots" | "networks" | "settings") => t.to_string(),
        _ => "overview".to_string(),
    });
    let l = crate::locale::untracked();
    let tabs = [
        ("overview", td_string!(l, server.tab_overview)),
        ("actions", td_string!(l, server.tab_actions)),
        ("snapshots", td_string!(l, server.tab_snapshots)),
        ("networks", td_string!(l, server.tab_networks)),
        ("settings", td_string!(l, server.tab_settings)),
    ];
    view! {
        <DetailHead detail=detail.clone() />
        <nav class="tabs tabs-page" aria-label=td_string!(l, server.sections)>
            {tabs.into_iter().map(|(key, label)| {
                let here = move || (current.get() == key).then_some("page");
                view! {
                    <a class="tab" href=tab_link(key) aria-current=here data-testid=format!("tab-{key}")>
                        {label}
                    </a>
                }
            }).collect_view()}
            <a class="tab" href=format!("/servers/{name}/metrics") data-testid="tab-metrics">{td_string!(l, server.tab_metrics)}</a>
        </nav>
        {move || {
            let detail = detail.clone();
            match current.get().as_str() {
                "actions" => view! { <ActionsTab detail /> }.into_any(),
                "settings" => view! { <SettingsTab detail /> }.into_any(),
                "snapshots" => view! { <SnapshotsTab /> }.into_any(),
                "networks" => view! { <NetworksTab /> }.into_any(),
                _ => view! { <OverviewTab detail /> }.into_any(),
            }
        }}
    }
}
