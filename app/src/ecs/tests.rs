//! End-to-end tests of the client against tiny axum servers on 127.0.0.1:0: every example
//! payload of the docs through the real methods, and the error mapping over real HTTP.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Router;
use chrono::{TimeZone, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{json, Value};

use super::dto::*;
use super::{ClientOptions, Credential, EcsClient, EcsError};

const TOKEN: &str = "tok-3f9a-very-secret";

// ------------------------------------------------------------------ harness

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    query: Option<String>,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Seen {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

type Log = Arc<Mutex<Vec<Seen>>>;

#[derive(Clone)]
struct Canned {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Arc<Vec<u8>>,
    delay: Option<Duration>,
    log: Log,
}

async fn answer(State(c): State<Canned>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .map(|b| b.to_vec())
        .unwrap_or_default();
    if let Ok(mut log) = c.log.lock() {
        log.push(Seen {
            method: parts.method.to_string(),
            path: parts.uri.path().to_string(),
            query: parts.uri.query().map(str::to_string),
            headers: parts.headers,
            body,
        });
    }
    if let Some(d) = c.delay {
        tokio::time::sleep(d).await;
    }
    let mut resp = Response::builder().status(c.status);
    for (k, v) in &c.headers {
        resp = resp.header(*k, v);
    }
    resp.body(Body::from(c.body.as_ref().clone()))
        .expect("canned response")
}

/// A server answering every request with the same status, headers and body.
async fn spawn(canned: Canned) -> String {
    let app = Router::new().fallback(answer).with_state(canned);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/ecs/v2/")
}

struct Upstream {
    client: EcsClient,
    log: Log,
    base: String,
}

impl Upstream {
    fn seen(&self) -> Vec<Seen> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
    fn last(&self) -> Seen {
        self.seen().pop().expect("the upstream saw a request")
    }
}

async fn upstream_full(
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: impl Into<Vec<u8>>,
    delay: Option<Duration>,
    opts: ClientOptions,
) -> Upstream {
    let log = Log::default();
    let base = spawn(Canned {
        status,
        headers,
        body: Arc::new(body.into()),
        delay,
        log: log.clone(),
    })
    .await;
    let client = EcsClient::new(&base, opts).expect("client");
    Upstream { client, log, base }
}

async fn upstream(status: u16, body: impl Into<Vec<u8>>) -> Upstream {
    let headers = vec![("content-type", "application/json".to_string())];
    upstream_full(status, headers, body, None, ClientOptions::default()).await
}

fn cred() -> Credential {
    Credential::ApiToken(SecretString::from(TOKEN))
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/src/ecs/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Error text must never carry the URL, the token or payload text.
fn assert_clean(e: &EcsError, base: &str) {
    let shown = format!("{e} | {e:?} | {}", e.user_message());
    let host = base.trim_start_matches("http://");
    let host = host.split('/').next().unwrap_or(host);
    assert!(!shown.contains(host), "leaks the address: {shown}");
    assert!(!shown.contains("/ecs/v2"), "leaks the path: {shown}");
    assert!(!shown.contains(TOKEN), "leaks the token: {shown}");
}

fn ts(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("valid date")
}

// ------------------------------------------------------------------ seeds/000 payloads

#[tokio::test]
async fn seed000_every_example_response() {
    let u = upstream(200, fixture("s000_create_server.json")).await;
    let req = ServerCreate {
        plan: "ECS6".into(),
        location: "it-fr2".into(),
        image: "debian-12".into(),
        notes: Some("my-first-server".into()),
        ..Default::default()
    };
    let c = u.client.create_server(&cred(), &req).await.expect("create");
    assert_eq!(c.action_id, Some(35));
    assert_eq!(c.server.name, "ec200001");
    assert_eq!(c.server.image(), Some("debian-12"));
    assert_eq!(c.server.status, ServerState::Booting);
    assert_eq!(c.server.ipv4, None);
    let sent = u.last();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/ecs/v2/servers")
    );
    assert_eq!(
        sent.json(),
        json!({"plan": "ECS6", "image": "debian-12", "location": "it-fr2", "notes": "my-first-server"})
    );

    let u = upstream(200, fixture("s000_list_servers.json")).await;
    let list = u.client.list_servers(&cred()).await.expect("list");
    assert_eq!(list.len(), 1);
    let s = &list[0];
    assert_eq!(s.group.as_deref(), Some("eg100001"));
    let size = s.plan_size.clone().unwrap_or_default();
    assert_eq!(
        (size.core, size.ram, size.disk, size.gpu),
        (Some(12), Some(24576), Some(400), Some(0))
    );
    assert_eq!(size.gpu_label, None);
    assert_eq!(s.reserved_until, None);
    assert_eq!(
        s.creation_date, None,
        "the doc's truncated date is unreadable"
    );
    assert_eq!(s.status, ServerState::Booted);
    assert_eq!(s.image(), Some("debian-12"));

    let u = upstream(200, fixture("s000_get_server.json")).await;
    let s = u.client.get_server(&cred(), "ec200001").await.expect("get");
    assert_eq!(s.notes.as_deref(), Some("my-server"));
    assert_eq!(u.last().path, "/ecs/v2/servers/ec200001");

    let u = upstream(200, fixture("s000_ok.json")).await;
    u.client
        .update_server_notes(&cred(), "ec200001", "my-new-server-label")
        .await
        .expect("notes");
    let sent = u.last();
    assert_eq!(sent.method, "PUT");
    assert_eq!(sent.json()["note"], json!("my-new-server-label"));
    u.client
        .set_server_group(&cred(), "ec200001", "eg-000001")
        .await
        .expect("group");
    assert_eq!(u.last().json(), json!({"group": "eg-000001"}));
    u.client
        .set_server_group(&cred(), "ec200001", "nogroup")
        .await
        .expect("nogroup");
    assert_eq!(u.last().json(), json!({"group": "nogroup"}));
    u.client
        .remove_support(&cred(), "ec200001")
        .await
        .expect("remove support");
    let sent = u.last();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("DELETE", "/ecs/v2/servers/ec200001/support")
    );

    let u = upstream(200, fixture("s000_reserved.json")).await;
    let d = u
        .client
        .set_reserved_plan(&cred(), "ec200001", "M24PECS6")
        .await
        .expect("reserved");
    assert_eq!(d.reserved_plan.as_deref(), Some("50"));
    assert_eq!(d.reserved_months, Some(24));
    assert_eq!(d.plan.as_deref(), Some("7"));
    assert_eq!(d.discount, Some(20.0));
    assert_eq!(d.server.as_deref(), Some("ec200001"));
    assert_eq!(u.last().json(), json!({"reserved_plan": "M24PECS6"}));

    let u = upstream(200, fixture("s000_add_support.json")).await;
    let s = u
        .client
        .add_support(&cred(), "ec200001", SupportCode::Global)
        .await
        .expect("support");
    assert_eq!(s.support_code.as_deref(), Some("global"));
    assert_eq!((s.weight, s.days, s.immutable), (Some(2), Some(30), false));
    assert_eq!(u.last().json(), json!({"code": "global"}));

    let u = upstream(200, fixture("s000_isolations.json")).await;
    let iso = u
        .client
        .server_isolations(&cred(), "ec000003")
        .await
        .expect("isolations");
    assert_eq!(iso.len(), 2);
    assert_eq!(iso[1].notes.as_deref(), Some("my-faboulus-isolated-server"));

    let u = upstream(200, fixture("s000_server_status.json")).await;
    let st = u
        .client
        .server_status(&cred(), "ec000001")
        .await
        .expect("status");
    assert_eq!(st.current_status, PowerState::Running);
    assert_eq!(u.last().path, "/ecs/v2/servers/ec000001/status");

    let u = upstream(200, fixture("s000_metrics.json")).await;
    let m = u
        .client
        .server_metrics(&cred(), "ec000001", None, None)
        .await
        .expect("metrics");
    assert_eq!(m.resource.as_deref(), Some("ec000001"));
    assert_eq!(
        m.core,
        vec![
            (ts(2024, 10, 17, 8, 25, 58), 0.0),
            (ts(2024, 10, 17, 8, 30, 58), 0.0)
        ]
    );
    assert_eq!(m.disk.reads[0], (ts(2024, 10, 17, 8, 35, 58), 28.45));
    assert_eq!(m.disk.writes[0].1, 2.37);
    assert_eq!(m.network.received.len(), 2);
    assert_eq!(m.network.transmitted.len(), 2);
    assert_eq!(u.last().query, None);

    let u = upstream(200, fixture("s000_delete_server.json")).await;
    let a = u
        .client
        .delete_server(&cred(), "ec200016")
        .await
        .expect("delete")
        .expect("an action");
    assert_eq!(
        (a.id, a.kind.clone(), a.status.clone()),
        (39, ActionKind::DeleteServer, ActionStatus::InProgress)
    );
    assert_eq!(a.completed_at, None);
    assert_eq!(
        a.started_at.map(|d| d.timestamp()),
        Some(ts(2019, 4, 30, 16, 33, 3).timestamp())
    );
}

// ------------------------------------------------------------------ seeds/001 payloads

#[tokio::test]
async fn seed001_every_example_response() {
    let u = upstream(200, fixture("s001_login.json")).await;
    let g = u
        .client
        .login("admin", &SecretString::from("pw-123"))
        .await
        .expect("login");
    assert_eq!(g.expire, 1_556_650_916);
    assert!(g.token.expose_secret().starts_with("eyJ0eXAi"));
    let sent = u.last();
    assert_eq!(sent.path, "/ecs/v2/login");
    assert_eq!(
        sent.json(),
        json!({"username": "admin", "password": "pw-123"})
    );
    assert!(sent.headers.get("authorization").is_none());

    let u = upstream(200, fixture("s001_create_server.json")).await;
    let req = ServerCreate {
        plan: "ECS1".into(),
        location: "it-fr2".into(),
        image: "centos-7".into(),
        ssh_key: Some("public_key_label".into()),
        ..Default::default()
    };
    let c = u.client.create_server(&cred(), &req).await.expect("create");
    assert_eq!(c.action_id, Some(38));
    assert_eq!(c.server.plan_size.as_ref().and_then(|p| p.ram), Some(1024));
    assert_eq!(c.server.image(), Some("centos-7"));
    assert!(!c.server.active_flag);
    assert!(c.server.creation_date.is_some());

    let u = upstream(200, fixture("s001_list_servers.json")).await;
    let list = u.client.list_servers(&cred()).await.expect("list");
    assert_eq!(list[0].virttype.as_deref(), Some("KVM"));
    assert_eq!(list[0].ipv4.as_deref(), Some("192.168.1.43"));
    assert_eq!(list[0].plan_size.as_ref().and_then(|p| p.core), Some(1));

    let u = upstream(200, fixture("s001_update_server.json")).await;
    u.client
        .update_server_notes(&cred(), "ec200016", "update server name")
        .await
        .expect("update");

    let u = upstream(200, fixture("s001_delete_server.json")).await;
    let a = u
        .client
        .delete_server(&cred(), "ec200016")
        .await
        .expect("delete");
    assert_eq!(a.map(|a| a.id), Some(39));

    let u = upstream(200, fixture("s001_server_status.json")).await;
    let st = u
        .client
        .server_status(&cred(), "ec200016")
        .await
        .expect("status");
    assert_eq!(
        (st.name.as_deref(), st.current_status),
        (Some("ec200016"), PowerState::Running)
    );

    let u = upstream(200, fixture("s001_console.json")).await;
    let out = u
        .client
        .server_action(&cred(), "ec200016", &ServerAction::Console)
        .await
        .expect("console");
    assert_eq!(out.action.kind, ActionKind::Console);
    assert_eq!(
        out.console_key
            .as_ref()
            .map(|k| k.expose_secret().to_string())
            .as_deref(),
        Some("4bd4c166-f31a-4d5d-8c88-5a16273f033b")
    );
    assert_eq!(u.last().json(), json!({"type": "console"}));

    let u = upstream(200, fixture("s001_power_on.json")).await;
    let out = u
        .client
        .server_action(&cred(), "ec200016", &ServerAction::PowerOn)
        .await
        .expect("power on");
    assert_eq!((out.action.id, out.action.kind), (40, ActionKind::PowerOn));
    assert!(out.console_key.is_none());
    let sent = u.last();
    assert_eq!(sent.path, "/ecs/v2/servers/ec200016/actions");
    assert_eq!(sent.json(), json!({"type": "power_on"}));

    let u = upstream(200, fixture("s001_metrics.json")).await;
    let start = ts(2019, 2, 25, 9, 0, 0);
    let end = ts(2019, 2, 25, 11, 0, 0);
    let m = u
        .client
        .server_metrics(&cred(), "ec200016", Some(start), Some(end))
        .await
        .expect("metrics");
    assert_eq!(m.core.len(), 2);
    assert_eq!(m.core[0].0.timestamp_millis(), 1_551_088_373_819);
    assert!((m.core[0].1 - 1.0333290277955356).abs() < 1e-12);
    assert_eq!(m.disk.reads[1].1, 0.0);
    assert_eq!(m.network.transmitted[1].1, 136.925);
    assert_eq!(
        u.last().query.as_deref(),
        Some("start=2019-02-25T09%3A00%3A00Z&end=2019-02-25T11%3A00%3A00Z")
    );

    let u = upstream(200, fixture("s001_list_actions.json")).await;
    let page = u
        .client
        .list_actions(&cred(), 0, 50, Some("ec200016"))
        .await
        .expect("actions");
    assert_eq!(page.actions.len(), 2);
    assert_eq!(page.total, None);
    assert_eq!(page.actions[1].kind, ActionKind::CreateServer);
    assert_eq!(page.actions[0].status, ActionStatus::Completed);
    assert_eq!(
        u.last().query.as_deref(),
        Some("start=0&length=50&resource=ec200016")
    );

    let u = upstream(200, fixture("s001_get_action.json")).await;
    let a = u.client.get_action(&cred(), "39").await.expect("action");
    assert_eq!((a.id, a.progress), (39, Some(100)));
    assert!(a.completed_at.is_some());
    assert_eq!(u.last().path, "/ecs/v2/actions/39");

    let u = upstream(200, fixture("s001_list_templates.json")).await;
    let t = u.client.list_templates(&cred()).await.expect("templates");
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].status, ImageStatus::Created);
    assert_eq!(t[1].notes.as_deref(), Some("Template server produzione"));

    let u = upstream(200, fixture("s001_get_template.json")).await;
    let t = u.client.get_template(&cred(), "9").await.expect("template");
    assert_eq!((t.id, t.name.as_str()), (Some(9), "ei100006"));
    u.client
        .get_template(&cred(), "ei100006")
        .await
        .expect("by name");
    assert_eq!(u.last().path, "/ecs/v2/templates/ei100006");

    let u = upstream(200, fixture("s001_delete_template.json")).await;
    let a = u
        .client
        .delete_template(&cred(), "9")
        .await
        .expect("delete template")
        .expect("an action");
    assert_eq!(
        (a.kind, a.resource_type),
        (ActionKind::DeleteTemplate, ResourceKind::Template)
    );

    let u = upstream(200, fixture("s001_create_group.json")).await;
    let g = u
        .client
        .create_group(&cred(), "Test group 1")
        .await
        .expect("group");
    assert_eq!(
        (g.id, g.name.as_str(), g.enabled),
        (Some(2), "eg100001", Some(true))
    );
    assert_eq!(
        u.last().json(),
        json!({"notes": "Test group 1", "password": ""})
    );

    let u = upstream(200, fixture("s001_list_groups.json")).await;
    let gs = u.client.list_groups(&cred()).await.expect("groups");
    assert_eq!(gs[0].notes.as_deref(), Some("Test group 1"));

    let u = upstream(200, fixture("s001_delete_group.json")).await;
    u.client
        .delete_group(&cred(), "2")
        .await
        .expect("delete group");
    assert_eq!(u.last().path, "/ecs/v2/groups/2");

    let u = upstream(200, fixture("s001_list_regions.json")).await;
    let r = u.client.list_regions(&cred()).await.expect("regions");
    assert_eq!((r[0].id, r[0].location.as_str()), (Some(1), "it-fr2"));

    let u = upstream(200, fixture("s001_list_plans.json")).await;
    let p = u.client.list_plans(&cred()).await.expect("plans");
    assert_eq!(
        (p[0].cpu, p[0].ram, p[0].disk),
        (Some(1), Some(1024), Some(20))
    );
    assert_eq!(
        (p[0].hourly_price, p[0].monthly_price),
        (Some(0.017), Some(12.0))
    );
    assert_eq!(
        p[0].available_regions[0].description.as_deref(),
        Some("Frosinone")
    );
}

// ------------------------------------------------------------------ current REST docs

#[tokio::test]
async fn rest_docs_example_responses() {
    let u = upstream(200, fixture("docs_account.json")).await;
    let a = u.client.account(&cred()).await.expect("account");
    assert_eq!(a.username, "foo");
    assert!(a.reserved_available && !a.offline_available);
    assert_eq!(a.ecsgpu_special_discount, Some(-1.0));

    let u = upstream(200, fixture("docs_login.json")).await;
    let g = u
        .client
        .login("foo", &SecretString::from("foo-s3cr3t-passw0rd"))
        .await
        .expect("login");
    assert_eq!(g.expire, 1_728_560_902);

    let u = upstream(200, fixture("docs_list_actions.json")).await;
    let page = u
        .client
        .list_actions(&cred(), 40, 20, None)
        .await
        .expect("actions");
    assert_eq!(page.total, Some(754));
    assert_eq!(page.actions[1].kind, ActionKind::CreateServer, "new_server");
    assert_eq!(u.last().query.as_deref(), Some("start=40&length=20"));

    let u = upstream(200, fixture("docs_power_on.json")).await;
    let out = u
        .client
        .server_action(&cred(), "ec200001", &ServerAction::PowerOff)
        .await
        .expect("bare action");
    assert_eq!(
        (
            out.action.id,
            out.action.started_at,
            out.action.completed_at
        ),
        (709, None, None)
    );

    let u = upstream(200, fixture("docs_rollback.json")).await;
    let out = u
        .client
        .server_action(
            &cred(),
            "ec200409",
            &ServerAction::Rollback { snapshot: 105 },
        )
        .await
        .expect("rollback");
    assert_eq!(out.action.kind, ActionKind::Rollback);
    assert_eq!(
        u.last().json(),
        json!({"type": "rollback", "snapshot": 105})
    );

    let u = upstream(200, fixture("docs_list_regions.json")).await;
    let r = u.client.list_regions(&cred()).await.expect("regions");
    assert_eq!(r.len(), 4);
    assert!(r.iter().all(|r| r.id.is_none()));

    for (file, want) in [
        ("docs_regions_available_flat.json", vec!["it-fr2"]),
        (
            "docs_regions_available_nested.json",
            vec!["ch-lug1", "it-fr2", "it-mi2", "bg-sof1"],
        ),
    ] {
        let u = upstream(200, fixture(file)).await;
        let r = u
            .client
            .regions_available(&cred(), "eCS1")
            .await
            .expect("availables");
        assert_eq!(r, want);
        let sent = u.last();
        assert_eq!(
            (sent.method.as_str(), sent.path.as_str()),
            ("POST", "/ecs/v2/regions/availables")
        );
        assert_eq!(sent.json(), json!({"plan": "eCS1"}));
    }

    let u = upstream(200, fixture("docs_list_plans.json")).await;
    let p = u.client.list_plans(&cred()).await.expect("plans");
    assert_eq!(
        (p[1].name.as_str(), p[1].monthly_price, p[1].gpu),
        ("eCS2", Some(23.0), Some(0))
    );
    assert_eq!(p[0].available_regions.len(), 4);

    let u = upstream(200, fixture("docs_plans_available.json")).await;
    let p = u.client.plans_available(&cred()).await.expect("availables");
    assert_eq!(p[0].os_availables.len(), 2);
    let hosts = &p[0].region_availables[0].hosts;
    assert_eq!(hosts[1].servers[0].name, "ec000025");
    assert_eq!(u.last().path, "/ecs/v2/plans/availables");

    let u = upstream(200, fixture("docs_images_basic.json")).await;
    let i = u.client.images_basic(&cred()).await.expect("basics");
    assert_eq!(
        (i[0].name.as_str(), i[0].status.clone()),
        ("centos-7", ImageStatus::Created)
    );
    assert_eq!(u.last().path, "/ecs/v2/images/basics");

    let u = upstream(200, fixture("docs_images_cloud.json")).await;
    let i = u.client.images_cloud(&cred()).await.expect("cloud");
    assert!(i.iter().all(|i| i.cloud_image));
    assert_eq!(u.last().path, "/ecs/v2/images/cloud-images");

    let u = upstream(200, fixture("docs_create_script.json")).await;
    let input = ScriptInput {
        title: Some("my-script".into()),
        content: Some("#!/bin/bash\necho".into()),
        windows: Some(false),
    };
    let s = u
        .client
        .create_script(&cred(), &input)
        .await
        .expect("script (bare)");
    assert_eq!((s.id, s.title.as_str(), s.category), (0, "my-script", None));
    assert!(s.content.starts_with("#!/bin/bash\n"));

    let u = upstream(200, fixture("docs_list_scripts.json")).await;
    let s = u.client.list_scripts(&cred()).await.expect("scripts");
    assert!(s[1].windows);
    assert!(s[1].content.contains("C:\\Users"));

    let u = upstream(200, fixture("docs_get_script.json")).await;
    let s = u.client.get_script(&cred(), "0").await.expect("script");
    assert_eq!(s.user.as_deref(), Some("foo"));
    let updated = u
        .client
        .update_script(
            &cred(),
            "0",
            &ScriptInput {
                title: Some("renamed".into()),
                ..Default::default()
            },
        )
        .await
        .expect("update script");
    assert_eq!(updated.map(|s| s.id), Some(0));
    let sent = u.last();
    assert_eq!(
        (sent.method.as_str(), sent.json()),
        ("PUT", json!({"title": "renamed"}))
    );

    let u = upstream(200, fixture("docs_list_groups.json")).await;
    let g = u.client.list_groups(&cred()).await.expect("groups");
    assert_eq!(g.len(), 2);

    let u = upstream(200, fixture("docs_list_ssh_keys.json")).await;
    let k = u.client.list_ssh_keys(&cred()).await.expect("keys");
    assert_eq!((k[1].id, k[1].label.as_str()), (1, "my-pub-key-02"));
    assert!(k[0].key.starts_with("ssh-rsa "));

    let u = upstream(200, fixture("docs_get_ssh_key.json")).await;
    let k = u.client.get_ssh_key(&cred(), "0").await.expect("key");
    assert_eq!(
        k.created_at.map(|d| d.timestamp()),
        Some(ts(2024, 6, 28, 7, 59, 56).timestamp())
    );
    u.client
        .rename_ssh_key(&cred(), "0", "my-renamed-key")
        .await
        .expect("rename");
    assert_eq!(u.last().json(), json!({"label": "my-renamed-key"}));

    let u = upstream(200, fixture("docs_create_snapshot.json")).await;
    let c = u
        .client
        .create_snapshot(&cred(), "ec200409", "my-first-snapshot", None)
        .await
        .expect("snapshot");
    let snap = c.snapshot.expect("snapshot");
    assert_eq!(
        (snap.id, snap.status, snap.size_on_disk),
        (104, ImageStatus::Creating, None)
    );
    assert_eq!(c.action.map(|a| a.kind), Some(ActionKind::CreateSnapshot));
    assert_eq!(
        u.last().json(),
        json!({"description": "my-first-snapshot", "notes": "my-first-snapshot"})
    );

    let u = upstream(200, fixture("docs_list_snapshots.json")).await;
    let l = u
        .client
        .list_snapshots(&cred(), "ec200409")
        .await
        .expect("snapshots");
    assert_eq!(
        (l[0].status.clone(), l[0].size_on_disk),
        (ImageStatus::Created, Some(3_804_560))
    );
    assert_eq!(u.last().path, "/ecs/v2/servers/ec200409/snapshots");

    let u = upstream(200, fixture("docs_delete_snapshot.json")).await;
    let d = u
        .client
        .delete_snapshot(&cred(), "ec200409", "104")
        .await
        .expect("delete snapshot");
    assert_eq!(d.snapshot.map(|s| s.status), Some(ImageStatus::Deleting));
    assert_eq!(
        d.action.map(|a| a.resource_type),
        Some(ResourceKind::Snapshot)
    );
    assert_eq!(u.last().path, "/ecs/v2/servers/ec200409/snapshots/104");

    let u = upstream(200, fixture("docs_create_template.json")).await;
    let t = u
        .client
        .create_template(
            &cred(),
            &TemplateSource::Snapshot(104),
            "my first template",
            None,
        )
        .await
        .expect("template");
    assert_eq!(
        (t.action_id, t.template.status, t.template.required_disk),
        (Some(700), ImageStatus::Creating, Some(20))
    );
    assert_eq!(
        u.last().json(),
        json!({"snapshot": 104, "description": "my first template"})
    );

    let u = upstream(200, fixture("docs_delete_template.json")).await;
    let a = u
        .client
        .delete_template(&cred(), "ei000001")
        .await
        .expect("delete");
    assert_eq!(a.map(|a| a.resource_type), Some(ResourceKind::Template));

    let u = upstream(200, fixture("docs_quickstart_create_server.json")).await;
    let req = ServerCreate {
        plan: "eCS1".into(),
        location: "it-fr2".into(),
        image: "ubuntu-2204".into(),
        ..Default::default()
    };
    let c = u.client.create_server(&cred(), &req).await.expect("create");
    assert_eq!(
        (c.action_id, c.server.name.as_str()),
        (Some(37430), "ec205827")
    );
    assert_eq!(c.server.location_label.as_deref(), Some("Frosinone"));

    let u = upstream(200, fixture("reference_server_live.json")).await;
    let s = u
        .client
        .get_server(&cred(), "ec200410")
        .await
        .expect("live form");
    assert_eq!(s.api_version_value, Some(5));
    assert_eq!(
        s.creation_date.map(|d| d.timestamp_micros()),
        Some(1_739_281_378_594_971)
    );
    assert_eq!(s.plan_size.and_then(|p| p.disk), Some(20));
}

// ------------------------------------------------------------------ requests we send

#[tokio::test]
async fn credentials_go_in_the_right_header() {
    let u = upstream(200, r#"{"status": "ok", "server": []}"#).await;
    u.client.list_servers(&cred()).await.expect("list");
    let sent = u.last();
    assert_eq!(
        sent.headers.get("x-apitoken").and_then(|v| v.to_str().ok()),
        Some(TOKEN)
    );
    assert!(sent.headers.get("authorization").is_none());
    assert!(sent
        .headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ua| ua.starts_with("ecs-panel/")));

    let bearer = Credential::Bearer(SecretString::from("eyJ.jwt.sig"));
    u.client.list_servers(&bearer).await.expect("list");
    let sent = u.last();
    assert_eq!(
        sent.headers
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer eyJ.jwt.sig")
    );
    assert!(sent.headers.get("x-apitoken").is_none());
    assert!(!format!("{bearer:?}").contains("eyJ.jwt.sig"));

    let broken = Credential::ApiToken(SecretString::from("bad\ntoken"));
    assert_eq!(
        u.client.list_servers(&broken).await.err(),
        Some(EcsError::Unauthorized)
    );
}

#[tokio::test]
async fn invalid_ids_never_reach_the_upstream() {
    let u = upstream(200, r#"{"status": "ok"}"#).await;
    let c = cred();
    for bad in [
        "../login",
        "ec200410/../../login",
        "..",
        "",
        "ec%2e%2e",
        "ec1?x=1",
        "EC1",
    ] {
        assert_eq!(
            u.client.get_server(&c, bad).await.err(),
            Some(EcsError::InvalidId),
            "{bad}"
        );
        assert_eq!(
            u.client.delete_server(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.get_template(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.get_group(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.get_action(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.delete_ssh_key(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.delete_script(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.delete_snapshot(&c, "ec200409", bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.set_server_group(&c, "ec200409", bad).await.err(),
            Some(EcsError::InvalidId)
        );
    }
    assert_eq!(
        u.client
            .list_actions(&c, 0, 50, Some("ec1&length=9999"))
            .await
            .err(),
        Some(EcsError::InvalidId)
    );
    assert!(u.seen().is_empty(), "no request may leave with a bad id");
}

#[tokio::test]
async fn put_refused_with_405_is_retried_as_patch() {
    let u = upstream(405, r#"{"message": "Method Not Allowed"}"#).await;
    let err = u
        .client
        .update_template(&cred(), "ei000002", Some("my new name"), None)
        .await
        .err();
    assert_eq!(
        err,
        Some(EcsError::Rejected {
            status: 405,
            message: "Method Not Allowed".into()
        })
    );
    let methods: Vec<String> = u.seen().into_iter().map(|s| s.method).collect();
    assert_eq!(methods, ["PUT", "PATCH"]);
}

#[tokio::test]
async fn base_url_forms() {
    for ok in [
        "http://127.0.0.1:8089/ecs/v2",
        "http://127.0.0.1:8089/ecs/v2/",
        "https://api.seeweb.it/ecs/v2",
    ] {
        assert!(EcsClient::new(ok, ClientOptions::default()).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "api.seeweb.it/ecs/v2",
        "ftp://x/ecs",
        "http://user:pw@host/ecs/v2",
        "mailto:a@b",
    ] {
        let e = EcsClient::new(bad, ClientOptions::default()).err();
        assert!(matches!(e, Some(EcsError::Malformed { .. })), "{bad}");
        assert!(!e.map(|e| e.to_string()).unwrap_or_default().contains("pw@"));
    }
}

// ------------------------------------------------------------------ error mapping end to end

#[tokio::test]
async fn unauthorized_and_forbidden() {
    let u = upstream(401, r#"{"status": "error", "message": "Token expired"}"#).await;
    let e = u.client.list_servers(&cred()).await.expect_err("error");
    assert_eq!(e, EcsError::Unauthorized);
    assert_clean(&e, &u.base);

    let u = upstream(403, "").await;
    assert_eq!(
        u.client.list_servers(&cred()).await.err(),
        Some(EcsError::Unauthorized)
    );
    let u = upstream(
        403,
        r#"{"message": "Reserved Plans are not available for your profile"}"#,
    )
    .await;
    assert_eq!(
        u.client
            .set_reserved_plan(&cred(), "ec200001", "M12PECS1")
            .await
            .err(),
        Some(EcsError::Rejected {
            status: 403,
            message: "Reserved Plans are not available for your profile".into()
        })
    );
}

#[tokio::test]
async fn not_found_with_and_without_message() {
    let u = upstream(404, r#"{"status": "error", "message": "group not found"}"#).await;
    let e = u
        .client
        .set_server_group(&cred(), "ec200001", "eg999999")
        .await
        .expect_err("error");
    assert_eq!(
        e,
        EcsError::NotFound {
            message: Some("group not found".into())
        }
    );
    assert_clean(&e, &u.base);
    let u = upstream(404, "<html><body><h1>Not Found</h1></body></html>").await;
    assert_eq!(
        u.client.get_server(&cred(), "ec1").await.err(),
        Some(EcsError::NotFound { message: None })
    );
}

#[tokio::test]
async fn bad_request_with_every_body_form() {
    let cases = [
        (
            r#"{"status": "error", "message": "Support code not found"}"#,
            "Support code not found",
        ),
        (
            r#"{"error_code": 40, "status": "error", "message": "Invalid env variable format"}"#,
            "Invalid env variable format",
        ),
        (r#"{"error": "server not found"}"#, "server not found"),
        (
            r#"{"detail": "action type is required"}"#,
            "action type is required",
        ),
        (
            "Unable to retrieve server status\n",
            "Unable to retrieve server status",
        ),
        (
            "<!DOCTYPE html><html><title>400 Bad Request</title></html>",
            "",
        ),
        ("", ""),
    ];
    for (body, message) in cases {
        let u = upstream(400, body).await;
        let e = u
            .client
            .server_status(&cred(), "ec1")
            .await
            .expect_err("error");
        assert_eq!(
            e,
            EcsError::Rejected {
                status: 400,
                message: message.into()
            },
            "{body}"
        );
        assert_clean(&e, &u.base);
    }
    let long = format!("{{\"message\": \"{}\"}}", "x".repeat(10_000));
    let u = upstream(400, long).await;
    match u.client.list_plans(&cred()).await {
        Err(EcsError::Rejected { message, .. }) => assert!(message.chars().count() <= 301),
        other => panic!("unexpected {other:?}"),
    }
    let u = upstream(500, "Internal Server Error").await;
    let e = u.client.list_plans(&cred()).await.expect_err("error");
    assert!(matches!(e, EcsError::Rejected { status: 500, .. }));
    assert!(e.user_message().contains("internal error"));
}

#[tokio::test]
async fn success_status_with_an_error_inside() {
    let u = upstream(
        200,
        r#"{"status": "error", "message": "Error can't have more then 20 scripts remove a script before try to create another"}"#,
    )
    .await;
    let e = u
        .client
        .create_script(&cred(), &ScriptInput::default())
        .await
        .expect_err("error");
    assert!(
        matches!(&e, EcsError::Rejected { status: 200, message } if message.starts_with("Error can't have more"))
    );
    let u = upstream(201, r#"{"status": "KO"}"#).await;
    assert_eq!(
        u.client.delete_group(&cred(), "2").await.err(),
        Some(EcsError::Rejected {
            status: 201,
            message: String::new()
        })
    );
    // Success words in any case are fine, and so is an empty 204.
    let u = upstream(200, r#"{"status": "Created"}"#).await;
    assert!(u
        .client
        .create_ssh_key(&cred(), "k", "ssh-ed25519 AAAA")
        .await
        .is_ok());
    let u = upstream(204, "").await;
    assert!(u.client.delete_ssh_key(&cred(), "3").await.is_ok());
}

#[tokio::test]
async fn bodies_that_are_not_the_expected_json() {
    let secret_payload = r#"{"status": "ok", "server": "payload-text-that-must-not-leak"}"#;
    for body in [
        "{not json",
        "<!DOCTYPE html><html><body>Login</body></html>",
        secret_payload,
        r#"{"status": "ok"}"#,
        r#"[1, 2, 3]"#,
    ] {
        let u = upstream(200, body).await;
        let e = u.client.list_servers(&cred()).await.expect_err("error");
        assert!(matches!(e, EcsError::Malformed { .. }), "{body}: {e:?}");
        assert_clean(&e, &u.base);
        assert!(!format!("{e:?}").contains("payload-text"), "{e:?}");
    }
    let headers = vec![("content-type", "text/html".to_string())];
    let u = upstream_full(
        200,
        headers,
        "<html>hi</html>",
        None,
        ClientOptions::default(),
    )
    .await;
    let e = u.client.account(&cred()).await.expect_err("error");
    assert_eq!(
        e,
        EcsError::Malformed {
            detail: "account: the answer is an HTML page instead of JSON".into()
        }
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let mut body = b"{\"status\": \"ok\", \"server\": [], \"pad\": \"".to_vec();
    body.resize(super::MAX_BODY_BYTES + 10, b'x');
    body.extend_from_slice(b"\"}");
    let u = upstream(200, body).await;
    let e = u.client.list_servers(&cred()).await.expect_err("error");
    assert!(
        matches!(&e, EcsError::Malformed { detail } if detail.contains("larger than")),
        "{e:?}"
    );
}

#[tokio::test]
async fn slow_upstream_times_out() {
    let opts = ClientOptions {
        timeout: Duration::from_millis(300),
        ..ClientOptions::default()
    };
    let u = upstream_full(
        200,
        vec![],
        r#"{"status":"ok"}"#,
        Some(Duration::from_secs(3)),
        opts,
    )
    .await;
    let started = std::time::Instant::now();
    let e = u.client.list_regions(&cred()).await.expect_err("error");
    assert_eq!(e, EcsError::Timeout);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_clean(&e, &u.base);
    assert!(e.user_message().contains("did not answer in time"));
}

#[tokio::test]
async fn refused_connection_is_unavailable() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let base = format!("http://{addr}/ecs/v2");
    let client = EcsClient::new(&base, ClientOptions::default()).expect("client");
    let e = client.list_servers(&cred()).await.expect_err("error");
    assert_eq!(
        e,
        EcsError::Unavailable {
            status: None,
            retry_after: None
        }
    );
    assert_clean(&e, &base);
}

#[tokio::test]
async fn busy_upstream_says_when_to_retry() {
    for (status, retry) in [(503, "30"), (429, "5"), (502, ""), (504, "soon")] {
        let mut headers = vec![("content-type", "text/html".to_string())];
        if !retry.is_empty() {
            headers.push(("retry-after", retry.to_string()));
        }
        let u = upstream_full(
            status,
            headers,
            "<h1>busy</h1>",
            None,
            ClientOptions::default(),
        )
        .await;
        let e = u.client.list_servers(&cred()).await.expect_err("error");
        assert_eq!(
            e,
            EcsError::Unavailable {
                status: Some(status),
                retry_after: retry.parse().ok()
            }
        );
        assert!(e.is_transient());
    }
    let e = EcsError::Unavailable {
        status: Some(503),
        retry_after: Some(30),
    };
    assert!(e.user_message().contains("30 seconds"));
}

#[tokio::test]
async fn redirects_are_not_followed_and_the_token_stays_home() {
    // The listener a hostile or misconfigured upstream redirects to.
    let elsewhere = upstream(200, r#"{"status": "ok", "server": []}"#).await;
    let target = format!("{}servers", elsewhere.base);
    for status in [301, 302, 307, 308] {
        let u = upstream_full(
            status,
            vec![("location", target.clone())],
            "",
            None,
            ClientOptions::default(),
        )
        .await;
        let e = u.client.list_servers(&cred()).await.expect_err("error");
        assert!(matches!(e, EcsError::Malformed { .. }), "{status}: {e:?}");
        assert_clean(&e, &u.base);
        assert_eq!(
            u.last()
                .headers
                .get("x-apitoken")
                .and_then(|v| v.to_str().ok()),
            Some(TOKEN)
        );
    }
    assert!(
        elsewhere.seen().is_empty(),
        "the redirect target must never be contacted"
    );
}
