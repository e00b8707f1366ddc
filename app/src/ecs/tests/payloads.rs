//! Every example response of seeds/000, seeds/001 and the current REST docs, through the
//! real client methods (fixtures in `ecs/fixtures/`).

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::*;
use crate::ecs::dto::*;

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
        .create_group(&cred(), "Test group 1", &"secret".to_string().into())
        .await
        .expect("group");
    assert_eq!(
        (g.id, g.name.as_str(), g.enabled),
        (Some(2), "eg100001", Some(true))
    );
    assert_eq!(
        u.last().json(),
        json!({"notes": "Test group 1", "password": "secret"})
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
