//! The detail page's overview: everything the API says about the server, grouped as a person
//! looks for it.

use leptos::prelude::*;

use crate::components::address::Address;
use crate::model::server::ServerDetail;

#[component]
pub fn OverviewTab(detail: ServerDetail) -> impl IntoView {
    let row = detail.row.clone();
    let item = |label: &'static str, value: Option<String>| {
        view! {
            <div class="kv">
                <dt>{label}</dt>
                <dd>{value.unwrap_or_else(|| "—".into())}</dd>
            </div>
        }
    };
    view! {
        <div class="grid grid-detail" data-testid="overview">
            <section class="card">
                <h2>{crate::tr!(server.overview.resources)}</h2>
                <dl class="kvs">
                    {item(crate::tr!(server.overview.plan), Some(format!("{} ({})", row.plan, crate::model::plans::family_label(&row.family))))}
                    {item("vCPU", detail.cores.map(|c| c.to_string()))}
                    {item("RAM", detail.ram.clone())}
                    {item(crate::tr!(server.overview.disk), detail.disk_gb.map(|d| format!("{d} GB")))}
                    {row.gpu.clone().map(|g| item("GPU", Some(g)))}
                    {item(crate::tr!(server.overview.host_type), detail.host_type.clone())}
                </dl>
            </section>
            <section class="card">
                <h2>{crate::tr!(server.overview.network)}</h2>
                <dl class="kvs">
                    <div class="kv"><dt>"IPv4"</dt><dd><Address ip=row.ipv4.clone() what=crate::tr!(server.overview.ipv4_address) /></dd></div>
                    <div class="kv"><dt>"IPv6"</dt><dd><Address ip=row.ipv6.clone() what=crate::tr!(server.overview.ipv6_address) /></dd></div>
                    {item(crate::tr!(server.overview.region), Some(format!("{} ({})", row.region_label, row.region)))}
                </dl>
            </section>
            <section class="card">
                <h2>{crate::tr!(server.overview.system)}</h2>
                <dl class="kvs">
                    {item(crate::tr!(server.overview.os), Some(row.os_label.clone()))}
                    {item(crate::tr!(server.overview.image), Some(row.os.clone()))}
                    <div class="kv">
                        <dt>{crate::tr!(server.overview.power)}</dt>
                        <dd data-testid="power-state">{match detail.power.clone() {
                            Ok(word) => word,
                            Err(why) => crate::tr!(server.overview.unknown, why = why).to_string(),
                        }}</dd>
                    </div>
                    {item(crate::tr!(server.overview.lifecycle), Some(row.lifecycle.clone()))}
                    {item(crate::tr!(server.overview.virtualization), detail.virtualization.clone())}
                    {item(crate::tr!(server.overview.api_version), detail.api_version.clone())}
                    {item(crate::tr!(server.overview.last_restored), detail.last_restored_snapshot.clone())}
                </dl>
            </section>
            <section class="card">
                <h2>{crate::tr!(server.overview.account)}</h2>
                <dl class="kvs">
                    <div class="kv">
                        <dt>{crate::tr!(server.overview.created)}</dt>
                        <dd>{row.created.clone().map(|c| view! {
                            <time datetime=c.iso.clone() title=c.exact(crate::locale::untracked())>{format!("{} · {}", c.relative(crate::locale::untracked()), c.exact(crate::locale::untracked()))}</time>
                        })}</dd>
                    </div>
                    {item(crate::tr!(server.overview.created_by), detail.owner.clone())}
                    {item(crate::tr!(server.overview.group), row.group.clone().map(|g| format!("{} ({})", g.label, g.id)))}
                    {item(crate::tr!(server.overview.support), detail.support.clone().map(|s| s.title).or(Some(crate::tr!(server.overview.unmanaged).into())))}
                    {item(crate::tr!(server.overview.reserved_until), row.reserved_until.clone().map(|r| r.exact(crate::locale::untracked())))}
                </dl>
            </section>
            <section class="card" data-testid="isolations">
                <h2>{crate::tr!(server.overview.isolation)}</h2>
                <p class="muted small">{crate::tr!(server.overview.isolation_hint)}</p>
                {match detail.isolations.clone() {
                    Ok(list) if list.is_empty() => view! { <p class="muted">{crate::tr!(server.overview.none)}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="plain">
                            {list.into_iter().map(|i| view! {
                                <li>
                                    <a class="mono" href=format!("/servers/{}", i.name)>{i.name.clone()}</a>
                                    " "<span class="muted">{i.notes}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(why) => view! { <p class="muted">{why}</p> }.into_any(),
                }}
            </section>
        </div>
    }
}
