//! `/groups`: group servers to find and manage them together. The table counts each group's
//! servers and links to them; the create form and the delete dialog live above the part that
//! refreshes, so nothing typed is lost.

mod delete;
mod new;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::groups::{list_groups, CreateGroup, DeleteGroup};
use crate::components::error_view::ErrorNotice;
use crate::components::live::{reload_on_activity, use_live};
use crate::model::group::{servers_count, GroupRow};

/// State shared by the page, its form and its dialog.
#[derive(Clone, Copy)]
pub struct GroupsCtx {
    pub create: ServerAction<CreateGroup>,
    pub delete: ServerAction<DeleteGroup>,
    pub notes: RwSignal<String>,
    pub password: RwSignal<String>,
    /// The group the delete dialog is about.
    pub target: RwSignal<Option<GroupRow>>,
    pub delete_open: RwSignal<bool>,
    pub reload: Callback<()>,
}

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`groups_page`]) comes in its own wasm chunk.
pub struct GroupsPage {
    data: PageData<Vec<GroupRow>>,
}

#[lazy_route]
impl LazyRoute for GroupsPage {
    fn data() -> Self {
        let data = page_data(|| (), |_| list_groups());
        Self { data }
    }

    fn view(this: Self) -> AnyView {
        groups_page(this).into_any()
    }
}

fn groups_page(GroupsPage { data }: GroupsPage) -> impl IntoView {
    // A server created or deleted elsewhere changes the counts.
    reload_on_activity(use_live(), move || data.refetch());
    let ctx = GroupsCtx {
        create: ServerAction::new(),
        delete: ServerAction::new(),
        notes: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
        target: RwSignal::new(None),
        delete_open: RwSignal::new(false),
        reload: Callback::new(move |_| data.refetch()),
    };
    provide_context(ctx);
    new::follow_create(ctx);
    delete::follow_delete(ctx);

    view! {
        <Title text=crate::tr!(groups.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(groups.title)}</h1>
                <p class="lead">{crate::tr!(groups.lead)}</p>
            </div>
            // Narrow screens show the form below the list: a way to it.
            <a class="btn btn-primary groups-jump" href="#new-group-h">{crate::tr!(groups.new_group)}</a>
        </div>
        <div class="groups-layout">
            <div class="groups-main">
                <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(groups.loading)}</p></section> }>
                    {move || Suspend::new(async move {
                        match data.await {
                            Ok(rows) => view! { <GroupTable rows /> }.into_any(),
                            Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
            <new::NewGroupCard />
        </div>
        <delete::DeleteGroupDialog />
    }
}

#[component]
fn GroupTable(rows: Vec<GroupRow>) -> impl IntoView {
    // Marks the table live once it is hydrated (Effects run only in the browser).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    if rows.is_empty() {
        return view! {
            <section class="card empty" data-testid="groups-empty" data-ready=move || ready.get().to_string()>
                <h2>{crate::tr!(groups.empty_title)}</h2>
                <p class="muted">{crate::tr!(groups.empty_text)}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <div class="table-wrap card" data-testid="groups" data-ready=move || ready.get().to_string()>
            <table class="table groups" data-testid="groups-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(groups.col_group)}</th>
                        <th scope="col">{crate::tr!(groups.col_servers)}</th>
                        <th scope="col">{crate::tr!(groups.col_status)}</th>
                        <th scope="col"><span class="sr-only">{crate::tr!(groups.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Row(row: GroupRow) -> impl IntoView {
    let ctx = expect_context::<GroupsCtx>();
    let target = row.clone();
    let servers = match &row.members {
        Some(m) if m.is_empty() => view! { <span class="muted">{crate::tr!(groups.no_servers)}</span> }.into_any(),
        Some(m) => view! {
            <span class="count">{servers_count(m.len())}</span>
            " "
            <a href=row.servers_href() data-testid="group-servers-link">{crate::tr!(groups.show_servers)}</a>
        }
        .into_any(),
        None => view! {
            <span class="muted" title=crate::tr!(groups.unlisted)>{crate::tr!(groups.unknown)}</span>
            " "
            <a href=row.servers_href() data-testid="group-servers-link">{crate::tr!(groups.show_servers)}</a>
        }
        .into_any(),
    };
    view! {
        <tr data-testid="group-row" data-name=row.name.clone()>
            <td class="col-name" data-label=crate::tr!(groups.col_group)>
                <strong class="group-title">{row.title().to_string()}</strong>
                <span class="mono muted small">{row.name.clone()}</span>
            </td>
            <td class="col-servers" data-label=crate::tr!(groups.col_servers) data-testid="group-servers">{servers}</td>
            <td data-label=crate::tr!(groups.col_status)>
                {if row.enabled {
                    view! { <span class="badge badge-ok">{crate::tr!(groups.enabled)}</span> }.into_any()
                } else {
                    view! { <span class="badge badge-off" title=crate::tr!(groups.disabled_title)>{crate::tr!(groups.disabled)}</span> }.into_any()
                }}
            </td>
            <td class="col-actions">
                <button
                    class="btn btn-sm"
                    type="button"
                    data-testid="delete-group"
                    on:click=move |_| {
                        ctx.target.set(Some(target.clone()));
                        ctx.delete_open.set(true);
                    }
                >
                    {crate::tr!(groups.delete)}
                </button>
            </td>
        </tr>
    }
}
