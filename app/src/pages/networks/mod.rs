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
            report(&r, |name| format!("Network {name} created"));
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
            report(&r, |_| format!("Network {name} deleted"));
            data.refetch();
        }
    });
    let creating = ctx.create.pending();
    view! {
        <Title text="Private networks" />
        <div class="page-head page-head-row">
            <div>
                <h1>"Private networks"</h1>
                <p class="lead">"Connect servers over a private, isolated channel. Attach a server from its Networks tab: the first VLAN adds an interface and reboots it."</p>
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
                {move || if creating.get() { "Creating…" } else { "New network" }}
            </button>
        </div>
        <Transition fallback=|| view! { <section class="card"><p class="muted">"Loading your networks…"</p></section> }>
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
    let unread = (!view.unread.is_empty()).then(|| {
        format!(
            "The VLANs of {} could not be read just now, so they may be missing below. Reload to try again.",
            view.unread.join(", ")
        )
    });
    if view.rows.is_empty() {
        return view! {
            <section class="card empty" data-testid="networks-empty" data-ready=move || ready.get().to_string()>
                <h2>"No private networks yet"</h2>
                <p class="muted">"Create one with New network, then attach servers to it from their Networks tab."</p>
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
                        <th scope="col">"Network"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Servers attached (VLANs)"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col"><span class="sr-only">"Actions"</span></th>
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
            <td class="col-name" data-label="Network">
                <strong class="mono">{row.name.clone()}</strong>
                {row.id.map(|id| view! { <span class="muted small">{format!("id {id}")}</span> })}
            </td>
            <td data-label="State"><span class="badge badge-ok">"Active"</span></td>
            <td data-label="Servers attached">
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
                    view! { <span class="muted">"None"</span> }.into_any()
                }}
            </td>
            <td class="col-created" data-label="Created">
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
                    >"Delete"</button>
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
        <Dialog open=ctx.delete_open title="Delete network" id="delete-network-dialog">
            {move || {
                let attached = attached();
                if attached.is_empty() {
                    view! {
                        <p>"Delete "<span class="mono">{name}</span>"? No server is attached to it."</p>
                        <ShowApiCall call=Signal::derive(move || ApiCall::delete_network(&name())) />
                        <DialogActions
                            open=ctx.delete_open
                            pending=ctx.delete.pending()
                            label="Delete network"
                            busy="Deleting…"
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
                            "ECS deletes a network only when no server is attached to it. Remove the VLANs of these servers first, from their Networks tab:"
                        </p>
                        <ul class="attached">
                            {attached.into_iter().map(|i| view! {
                                <li><a href=format!("/servers/{}?tab=networks", i.server)>{format!("{} ({})", i.server_title, i.server)}</a></li>
                            }).collect_view()}
                        </ul>
                        <div class="dialog-actions">
                            <button class="btn btn-primary" type="button" on:click=move |_| ctx.delete_open.set(false)>"OK"</button>
                        </div>
                    }.into_any()
                }
            }}
        </Dialog>
    }
}
