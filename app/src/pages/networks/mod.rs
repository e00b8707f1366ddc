//! `/networks`: the account's private networks, each with the servers attached and their VLANs
//! (links to each server's Networks tab); create one, delete one (refused while servers are
//! attached: they are named). VLANs are managed from a server's Networks tab.

use crate::components::when::When;
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::networks::{list_networks, CreateNetwork, DeleteNetwork};
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::{report, ErrorNotice};
use crate::components::live::{reload_on_activity, use_live};
use crate::model::api_call::ApiCall;
use crate::model::network::{NetworkRow, NetworksView};

#[derive(Clone, Copy)]
struct NetworksCtx {
    create: ServerAction<CreateNetwork>,
    delete: ServerAction<DeleteNetwork>,
    target: RwSignal<Option<NetworkRow>>,
    delete_open: RwSignal<bool>,
}

/// A lazy route: `data` starts the page's fetch while its code loads.
pub struct NetworksPage {
    data: PageData<NetworksView>,
}

#[lazy_route]
impl LazyRoute for NetworksPage {
    fn data() -> Self {
        Self {
            data: page_data(|| (), |_| list_networks()),
        }
    }

    fn view(this: Self) -> AnyView {
        networks_page(this).into_any()
    }
}

fn networks_page(NetworksPage { data }: NetworksPage) -> impl IntoView {
    // A VLAN added or removed anywhere changes who is attached.
    reload_on_activity(use_live(), move || data.refetch());
    let ctx = NetworksCtx {
        create: ServerAction::new(),
        delete: ServerAction::new(),
        target: RwSignal::new(None),
        delete_open: RwSignal::new(false),
    };
    provide_context(ctx);
    Effect::new(move |_| {
        if let Some(r) = ctx.create.value().get() {
            report(&r, |name| {
                crate::tr!(networks.created, name = name.clone()).to_string()
            });
            data.refetch();
        }
    });
    Effect::new(move |_| {
        if let Some(r) = ctx.delete.value().get() {
            ctx.delete_open.set(false);
            let name = ctx
                .target
                .with_untracked(|t| t.as_ref().map(|t| t.name.clone()))
                .unwrap_or_default();
            report(&r, |_| {
                crate::tr!(networks.deleted, name = name.clone()).to_string()
            });
            data.refetch();
        }
    });
    let creating = ctx.create.pending();
    view! {
        <Title text=crate::tr!(networks.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(networks.title)}</h1>
                <p class="lead">{crate::tr!(networks.lead)}</p>
                // New network takes no choices: its call is shown here, under the heading.
                <div><ShowApiCall call=Signal::stored(ApiCall::create_network()) /></div>
            </div>
            <button
                class="btn btn-primary"
                type="button"
                data-testid="network-create"
                disabled=creating
                on:click=move |_| { ctx.create.dispatch(CreateNetwork {}); }
            >
                {move || if creating.get() { crate::tr!(networks.creating) } else { crate::tr!(networks.new_network) }}
            </button>
        </div>
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(networks.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Loaded view /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
        <DeleteDialog />
    }
}

#[component]
fn Loaded(view: NetworksView) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let unread = (!view.unread.is_empty())
        .then(|| crate::tr!(networks.unread, servers = view.unread.join(", ")).to_string());
    if view.rows.is_empty() {
        return view! {
            <section class="card empty" data-testid="networks-empty" data-ready=move || ready.get().to_string()>
                <h2>{crate::tr!(networks.empty_title)}</h2>
                <p class="muted">{crate::tr!(networks.empty_text)}</p>
            </section>
        }
        .into_any();
    }
    view! {
        {unread.map(|u| view! { <p class="notice notice-warn" role="status">{u}</p> })}
        <div class="table-wrap card" data-testid="networks" data-ready=move || ready.get().to_string()>
            <table class="table networks" data-testid="networks-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(networks.col_network)}</th>
                        <th scope="col">{crate::tr!(networks.col_state)}</th>
                        <th scope="col">{crate::tr!(networks.col_servers)}</th>
                        <th scope="col">{crate::tr!(networks.col_created)}</th>
                        <th scope="col"><span class="sr-only">{crate::tr!(networks.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {view.rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Row(row: NetworkRow) -> impl IntoView {
    let ctx = expect_context::<NetworksCtx>();
    let attached = !row.interfaces.is_empty();
    let target = row.clone();
    view! {
        <tr data-testid="network-row" data-name=row.name.clone()>
            <td class="col-name" data-label=crate::tr!(networks.col_network)>
                <strong class="mono">{row.name.clone()}</strong>
                {row.id.map(|id| view! { <span class="muted small">{crate::tr!(networks.id_n, id = id).to_string()}</span> })}
            </td>
            <td data-label=crate::tr!(networks.col_state)><span class="badge badge-ok">{crate::tr!(networks.active)}</span></td>
            <td data-label=crate::tr!(networks.servers_attached)>
                {if attached {
                    view! {
                        <ul class="attached">
                            {row.interfaces.iter().map(|i| view! {
                                <li data-testid="attached" data-server=i.server.clone()>
                                    <a href=format!("/servers/{}?tab=networks", i.server)>{i.server_title.clone()}</a>
                                    " "<span class="muted small">{format!("VLAN {}", i.vlan_summary())}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                } else {
                    view! { <span class="muted">{crate::tr!(networks.none)}</span> }.into_any()
                }}
            </td>
            <td class="col-created" data-label=crate::tr!(networks.col_created)>
                {row.created.clone().map(|c| view! { <When at=c/> })}
            </td>
            <td class="col-actions">
                <div class="row-actions">
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="network-delete"
                        on:click=move |_| {
                            ctx.target.set(Some(target.clone()));
                            ctx.delete_open.set(true);
                        }
                    >{crate::tr!(networks.delete)}</button>
                </div>
            </td>
        </tr>
    }
}

/// Confirms a deletion; while servers are attached it names them and links their tabs instead.
#[component]
fn DeleteDialog() -> impl IntoView {
    let ctx = expect_context::<NetworksCtx>();
    let name = move || {
        ctx.target
            .with(|t| t.as_ref().map(|t| t.name.clone()))
            .unwrap_or_default()
    };
    let attached = move || {
        ctx.target
            .with(|t| t.as_ref().map(|t| t.interfaces.clone()))
            .unwrap_or_default()
    };
    view! {
        <Dialog open=ctx.delete_open title=crate::tr!(networks.delete_dialog) id="delete-network-dialog">
            {move || {
                let attached = attached();
                if attached.is_empty() {
                    view! {
                        <p>{crate::tr!(networks.delete_question)}<span class="mono">{name}</span>{crate::tr!(networks.delete_question_end)}</p>
                        <ShowApiCall call=Signal::derive(move || ApiCall::delete_network(&name())) />
                        <DialogActions
                            open=ctx.delete_open
                            pending=ctx.delete.pending()
                            label=crate::tr!(networks.delete_dialog)
                            busy=crate::tr!(networks.deleting)
                            danger=true
                            test_id="delete-network-confirm"
                            on_confirm=Callback::new(move |()| {
                                ctx.delete.dispatch(DeleteNetwork { name: name() });
                            })
                        />
                    }.into_any()
                } else {
                    view! {
                        <p data-testid="network-in-use">
                            {crate::tr!(networks.in_use)}
                        </p>
                        <ul class="attached">
                            {attached.into_iter().map(|i| view! {
                                <li><a href=format!("/servers/{}?tab=networks", i.server)>{format!("{} ({})", i.server_title, i.server)}</a></li>
                            }).collect_view()}
                        </ul>
                        <div class="dialog-actions">
                            <button class="btn btn-primary" type="button" on:click=move |_| ctx.delete_open.set(false)>{crate::tr!(networks.ok)}</button>
                        </div>
                    }.into_any()
                }
            }}
        </Dialog>
    }
}
