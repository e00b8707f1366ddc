//! `/team` (team mode, admins): the people who may sign in to this panel, their roles, and the
//! one-time passwords of new people and resets. Each change takes effect at the person's next
//! request, on every replica.

mod add;

use crate::components::when::When;
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::team::{list_team, AddMember, DisableMember, EnableMember, ResetPassword, SetRole};
use crate::components::error_view::{report, ErrorNotice};
use crate::components::layout::signed_in_as;
use crate::error::AppError;
use crate::model::team::{Member, OneTimePassword, Role};

/// State shared by the page, its table and its add form.
#[derive(Clone, Copy)]
pub struct TeamCtx {
    pub add: ServerAction<AddMember>,
    pub role: ServerAction<SetRole>,
    pub disable: ServerAction<DisableMember>,
    pub enable: ServerAction<EnableMember>,
    pub reset: ServerAction<ResetPassword>,
    /// The one-time password just made, until dismissed: the only time it can be seen.
    pub fresh: RwSignal<Option<OneTimePassword>>,
}

pub struct TeamPage {
    data: PageData<Vec<Member>>,
}

#[lazy_route]
impl LazyRoute for TeamPage {
    fn data() -> Self {
        Self {
            // In personal mode there is no team to list: the page only says so.
            data: page_data(
                || signed_in_as().is_some_and(|v| v.team),
                |team| async move {
                    if team {
                        list_team().await
                    } else {
                        Ok(Vec::new())
                    }
                },
            ),
        }
    }

    fn view(this: Self) -> AnyView {
        team_page(this).into_any()
    }
}

fn team_page(TeamPage { data }: TeamPage) -> impl IntoView {
    let ctx = TeamCtx {
        add: ServerAction::new(),
        role: ServerAction::new(),
        disable: ServerAction::new(),
        enable: ServerAction::new(),
        reset: ServerAction::new(),
        fresh: RwSignal::new(None),
    };
    provide_context(ctx);
    let reload = move || data.refetch();
    follow(
        ctx.role.value(),
        crate::tr!(team.toast.role_changed),
        reload,
    );
    follow(ctx.disable.value(), crate::tr!(team.toast.disabled), reload);
    follow(ctx.enable.value(), crate::tr!(team.toast.enabled), reload);
    Effect::new(move |_| {
        if let Some(r) = ctx.reset.value().get() {
            report(&r, |p| {
                crate::tr!(team.toast.reset, name = p.name.clone()).to_string()
            });
            if let Ok(p) = r {
                ctx.fresh.set(Some(p));
            }
            reload();
        }
    });
    let team_mode = signed_in_as().is_some_and(|v| v.team);
    view! {
        <Title text=crate::tr!(team.title) />
        <div class="page-head">
            <h1>{crate::tr!(team.title)}</h1>
            <p class="lead">{crate::tr!(team.lead)}</p>
        </div>
        {(!team_mode).then(|| view! {
            <section class="card" data-testid="team-off">
                <h2>{crate::tr!(team.off.title)}</h2>
                <p>{crate::tr!(team.off.text)}<code>"ecs-panel users add NAME --role admin"</code>{crate::tr!(team.off.text_end)}</p>
            </section>
        })}
        {team_mode.then(|| view! {
            <div class="team-layout">
                <div class="team-main">
                    <add::FreshPassword />
                    <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(team.loading)}</p></section> }>
                        {move || Suspend::new(async move {
                            match data.await {
                                Ok(rows) => view! { <TeamTable rows /> }.into_any(),
                                Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                            }
                        })}
                    </Transition>
                    <RolesCard />
                </div>
                <add::AddMemberCard reload=Callback::new(move |_| reload()) />
            </div>
        })}
    }
}

/// A row action's outcome: a toast (or the error), then the table read again.
fn follow(
    value: MappedSignal<Option<Result<(), AppError>>>,
    done: &'static str,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) {
    Effect::new(move |_| {
        if let Some(r) = value.get() {
            report(&r, |_| done.to_string());
            reload();
        }
    });
}

#[component]
fn TeamTable(rows: Vec<Member>) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    view! {
        <div class="table-wrap card" data-testid="team" data-ready=move || ready.get().to_string()>
            <table class="table team" data-testid="team-table">
                <caption class="sr-only">{crate::tr!(team.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(team.col.person)}</th>
                        <th scope="col">{crate::tr!(team.col.role)}</th>
                        <th scope="col">{crate::tr!(team.col.state)}</th>
                        <th scope="col">{crate::tr!(team.col.last_sign_in)}</th>
                        <th scope="col"><span class="sr-only">{crate::tr!(team.col.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|m| view! { <MemberRow m /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn MemberRow(m: Member) -> impl IntoView {
    let ctx = expect_context::<TeamCtx>();
    let (id, id2, id3) = (m.id.clone(), m.id.clone(), m.id.clone());
    let state = match (m.disabled, m.must_change) {
        (true, _) => view! { <span class="badge badge-off">{crate::tr!(team.state.disabled)}</span> }.into_any(),
        (false, true) => view! { <span class="badge badge-warn" title=crate::tr!(team.state.one_time_title)>{crate::tr!(team.state.one_time)}</span> }.into_any(),
        (false, false) => view! { <span class="badge badge-ok">{crate::tr!(team.state.active)}</span> }.into_any(),
    };
    let role_select = if m.is_you {
        view! { <span>{m.role.as_str()}</span>" "<span class="muted small">{crate::tr!(team.you)}</span> }
            .into_any()
    } else {
        let current = m.role;
        view! {
            <select
                aria-label=crate::tr!(team.role_of, name = m.name.clone()).to_string()
                data-testid="member-role"
                on:change=move |ev| {
                    ctx.role.dispatch(SetRole { id: id.clone(), role: event_target_value(&ev) });
                }
            >
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=r == current>{r.as_str()}</option>
                }).collect_view()}
            </select>
        }
        .into_any()
    };
    let name = m.name.clone();
    view! {
        <tr data-testid="member-row" data-name=m.name.clone() data-disabled=m.disabled.to_string()>
            <td data-label=crate::tr!(team.col.person)><strong>{m.name.clone()}</strong>
                <span class="muted small">{crate::tr!(team.added)}<When at=m.created.clone()/></span>
            </td>
            <td data-label=crate::tr!(team.col.role)>{role_select}</td>
            <td data-label=crate::tr!(team.col.state) data-testid="member-state">{state}</td>
            <td data-label=crate::tr!(team.col.last_sign_in)>
                {match m.last_sign_in.clone() {
                    Some(t) => view! { <When at=t/> }.into_any(),
                    None => view! { <span class="muted">{crate::tr!(team.never)}</span> }.into_any(),
                }}
            </td>
            <td class="col-actions">
                {(!m.is_you).then(|| view! {
                    <div class="row-actions">
                        {if m.disabled {
                            view! { <button class="btn btn-sm" type="button" data-testid="enable-member" aria-label=crate::tr!(team.enable_named, name = name.clone()).to_string()
                                on:click=move |_| { ctx.enable.dispatch(EnableMember { id: id2.clone() }); }>{crate::tr!(team.enable)}</button> }.into_any()
                        } else {
                            view! { <button class="btn btn-sm" type="button" data-testid="disable-member" aria-label=crate::tr!(team.disable_named, name = name.clone()).to_string()
                                on:click=move |_| { ctx.disable.dispatch(DisableMember { id: id2.clone() }); }>{crate::tr!(team.disable)}</button> }.into_any()
                        }}
                        <button class="btn btn-sm" type="button" data-testid="reset-member" aria-label=crate::tr!(team.reset_named, name = m.name.clone()).to_string()
                            on:click=move |_| { ctx.reset.dispatch(ResetPassword { id: id3.clone() }); }>{crate::tr!(team.reset)}</button>
                    </div>
                })}
            </td>
        </tr>
    }
}

#[component]
fn RolesCard() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="roles-h">
            <h2 id="roles-h">{crate::tr!(team.roles)}</h2>
            <dl class="team-roles">
                {Role::ALL.into_iter().map(|r| view! {
                    <dt>{r.as_str()}</dt>
                    <dd>{r.summary()}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}
