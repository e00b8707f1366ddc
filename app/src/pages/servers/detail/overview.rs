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
                <h2>"Resources"</h2>
                <dl class="kvs">
                    {item("Plan", Some(format!("{} ({})", row.plan, row.family)))}
                    {item("vCPU", detail.cores.map(|c| c.to_string()))}
                    {item("RAM", detail.ram.clone())}
                    {item("Disk", detail.disk_gb.map(|d| format!("{d} GB")))}
                    {row.gpu.clone().map(|g| item("GPU", Some(g)))}
                    {item("Host type", detail.host_type.clone())}
                </dl>
            </section>
            <section class="card">
                <h2>"Network"</h2>
                <dl class="kvs">
                    <div class="kv"><dt>"IPv4"</dt><dd><Address ip=row.ipv4.clone() what="IPv4 address" /></dd></div>
                    <div class="kv"><dt>"IPv6"</dt><dd><Address ip=row.ipv6.clone() what="IPv6 address" /></dd></div>
                    {item("Region", Some(format!("{} ({})", row.region_label, row.region)))}
                </dl>
            </section>
            <section class="card">
                <h2>"System"</h2>
                <dl class="kvs">
                    {item("Operating system", Some(row.os_label.clone()))}
                    {item("Image", Some(row.os.clone()))}
                    <div class="kv">
                        <dt>"Power"</dt>
                        <dd data-testid="power-state">{match detail.power.clone() {
                            Ok(word) => word,
                            Err(why) => format!("Unknown ({why})"),
                        }}</dd>
                    </div>
                    {item("Lifecycle", Some(row.lifecycle.clone()))}
                    {item("Virtualization", detail.virtualization.clone())}
                    {item("API version", detail.api_version.clone())}
                    {item("Last restored snapshot", detail.last_restored_snapshot.clone())}
                </dl>
            </section>
            <section class="card">
                <h2>"Account"</h2>
                <dl class="kvs">
                    <div class="kv">
                        <dt>"Created"</dt>
                        <dd>{row.created.clone().map(|c| view! {
                            <time datetime=c.iso.clone() title=c.exact(crate::locale::untracked())>{format!("{} · {}", c.relative(crate::locale::untracked()), c.exact(crate::locale::untracked()))}</time>
                        })}</dd>
                    </div>
                    {item("Created by", detail.owner.clone())}
                    {item("Group", row.group.clone().map(|g| format!("{} ({})", g.label, g.id)))}
                    {item("Support", detail.support.clone().map(|s| s.title).or(Some("Unmanaged".into())))}
                    {item("Reserved until", row.reserved_until.clone().map(|r| r.exact(crate::locale::untracked())))}
                </dl>
            </section>
            <section class="card" data-testid="isolations">
                <h2>"Isolation"</h2>
                <p class="muted small">"Servers kept off the same physical host as this one."</p>
                {match detail.isolations.clone() {
                    Ok(list) if list.is_empty() => view! { <p class="muted">"None."</p> }.into_any(),
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
