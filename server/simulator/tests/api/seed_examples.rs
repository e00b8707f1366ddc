//! Every example response of Seeweb's two API documents (the current "Server" page and the older
//! single-page API doc), replayed against the simulator: the answer must have the example's fields
//! (recursively) with compatible JSON types. Values are not compared. The examples are copied here
//! as valid JSON (the docs' `...` and trailing commas removed) so the test does not depend on files
//! outside the repository.
//!
//! Each example is checked in the form it documents: examples with numeric sizes, a flat status,
//! wrapped actions, `action` for the id or `[ts, "v"]` metrics are the legacy forms; the rest are
//! the live forms. `null` on either side is compatible with anything (optional fields).

use crate::harness::Sim;
use reqwest::Method;
use serde_json::Value;

struct Example {
    doc: &'static str,
    what: &'static str,
    legacy: bool,
    method: Method,
    path: &'static str,
    body: &'static str,
    example: &'static str,
}

const CREATE: &str =
    r#"{"plan": "ECS6", "image": "debian-12", "location": "it-fr2", "notes": "my-first-server"}"#;
const ACTION: &str = r#"{"id": 39, "status": "in-progress", "user": "foo", "created_at": "2019-04-30T16:33:03.317800+00:00",
  "started_at": "2019-04-30T16:33:03.317019+00:00", "completed_at": null, "resource": "ec200016",
  "resource_type": "ECS", "type": "delete_server", "progress": 0}"#;

fn examples() -> Vec<Example> {
    let ex = |doc, what, legacy, method, path, body, example| Example {
        doc,
        what,
        legacy,
        method,
        path,
        body,
        example,
    };
    let server_000 = r#"{"name": "ec200001", "ipv4": "127.0.0.1", "ipv6": "fe80::1", "group": "eg100001", "plan": "ECS6",
        "plan_size": {"core": 12, "ram": 24576, "disk": 400, "gpu": 0, "gpu_label": "", "host_type": "ECS"},
        "reserved_plans": [], "is_reserved": false, "reserved_until": "", "support": null, "location": "it-fr2",
        "location_label": "frosinone", "notes": "my-server", "so": "debian-12", "so_label": "Debian 12",
        "creation_date": "2024-10-10 12:00", "deletion_date": null, "active_flag": true, "status": "Booted",
        "progress": 100, "api_version": "v4", "user": "eCS99999"}"#;
    let server_001 = r#"{"name": "ec200016", "ipv4": "192.168.1.43", "ipv6": "fe80::1", "plan": "ECS1",
        "plan_size": {"core": "1", "ram": "1024", "disk": "20"}, "location": "it-fr2", "notes": "my first server",
        "so": "centos-7", "creation_date": "2019-04-18T13:48:12.025548+00:00", "deletion_date": null,
        "active_flag": true, "status": "Booted", "api_version": "v4", "user": "admin", "virttype": "KVM"}"#;
    let list_000: &'static str = Box::leak(
        format!(r#"{{"status": "ok", "count": 5, "server": [{server_000}]}}"#).into_boxed_str(),
    );
    let get_000: &'static str =
        Box::leak(format!(r#"{{"status": "ok", "server": {server_000}}}"#).into_boxed_str());
    let list_001: &'static str = Box::leak(
        format!(r#"{{"status": "ok", "count": 4, "server": [{server_001}]}}"#).into_boxed_str(),
    );
    let delete: &'static str =
        Box::leak(format!(r#"{{"status": "ok", "action": {ACTION}}}"#).into_boxed_str());
    let wrapped: &'static str = Box::leak(
        format!(r#"{{"action": {ACTION}, "console_key": "4bd4c166-f31a-4d5d-8c88-5a16273f033b"}}"#)
            .into_boxed_str(),
    );
    let wrapped_power: &'static str =
        Box::leak(format!(r#"{{"action": {ACTION}}}"#).into_boxed_str());
    let actions: &'static str = Box::leak(
        format!(r#"{{"status": "ok", "actions": [{ACTION}, {ACTION}]}}"#).into_boxed_str(),
    );
    let action: &'static str =
        Box::leak(format!(r#"{{"status": "ok", "action": {ACTION}}}"#).into_boxed_str());
    let point_000 =
        r#"[{"t": "2024-10-17 08:25:58", "y": "0.00"}, {"t": "2024-10-17 08:30:58", "y": "0.00"}]"#;
    let metrics_000: &'static str = Box::leak(
        format!(r#"{{"metrics": {{"resource": "ec000001", "core": {point_000}, "disk": {{"reads": {point_000}, "writes": {point_000}}},
            "network": {{"received": {point_000}, "transmitted": {point_000}}}}}}}"#)
        .into_boxed_str(),
    );
    let point_001 =
        r#"[[1551088373.819, "1.0333290277955356"], [1551090173.819, "1.4000000000002426"]]"#;
    let metrics_001: &'static str = Box::leak(
        format!(r#"{{"metrics": {{"core": {point_001}, "disk": {{"writes": {point_001}, "reads": {point_001}}},
            "resource": "ec200016", "network": {{"received": {point_001}, "transmitted": {point_001}}}}}}}"#)
        .into_boxed_str(),
    );
    let template = r#"{"id": 9, "name": "ei100006", "creation_date": "2019-04-24T11:12:44.121251+00:00", "active_flag": true,
        "status": "Created", "uuid": "6e71411b-5c94-202c-c4fc-bacd3c864b1b", "notes": "Template server staging"}"#;
    let templates: &'static str = Box::leak(
        format!(r#"{{"status": "ok", "templates": [{template}, {template}]}}"#).into_boxed_str(),
    );
    let template_one: &'static str =
        Box::leak(format!(r#"{{"status": "ok", "template": {template}}}"#).into_boxed_str());
    let group = r#"{"id": 2, "name": "eg100001", "notes": "Test group 1", "enabled": true}"#;
    let group_one: &'static str =
        Box::leak(format!(r#"{{"status": "ok", "group": {group}}}"#).into_boxed_str());
    let groups: &'static str =
        Box::leak(format!(r#"{{"status": "ok", "groups": [{group}]}}"#).into_boxed_str());
    let ok = r#"{"status": "ok"}"#;
    vec![
        ex(
            "000",
            "create server",
            true,
            Method::POST,
            "/servers",
            CREATE,
            r#"{"status": "ok", "action": 35, "server": {"name": "ec200001", "ipv4": "", "ipv6": "", "plan": "ECS6",
                "location": "it-fr2", "os": "debian-12", "status": "Booting", "progress": 10}}"#,
        ),
        ex(
            "000",
            "list servers",
            true,
            Method::GET,
            "/servers",
            "",
            list_000,
        ),
        ex(
            "000",
            "get server",
            true,
            Method::GET,
            "/servers/ec200401",
            "",
            get_000,
        ),
        ex(
            "000",
            "change label",
            false,
            Method::PUT,
            "/servers/ec200401",
            r#"{"note": "my-new-server-label"}"#,
            ok,
        ),
        ex(
            "000",
            "add reserved period",
            true,
            Method::POST,
            "/servers/ec200401/reserved",
            r#"{"reserved_plan": "M24PECS2"}"#,
            r#"{"reserved_plan": 50, "reserved_month": 24, "plan": 7, "discount": 20, "start_date": "2024-10-10 12:34",
                "end_date": "2026-10-10 12:34", "server": "ec200001"}"#,
        ),
        ex(
            "000",
            "add support",
            false,
            Method::POST,
            "/servers/ec200403/support",
            r#"{"code": "global"}"#,
            r#"{"status": "ok", "support": {"support_title": "global", "support_code": "global", "immutable": false,
                "start": "2024-10-10 17:03", "may_downgrade": false, "weigth": 2, "days": 30, "cancelled": false,
                "cancelled_at": null}}"#,
        ),
        ex(
            "000",
            "remove support",
            false,
            Method::DELETE,
            "/servers/ec200402/support",
            "",
            ok,
        ),
        ex(
            "000",
            "add to group",
            false,
            Method::PUT,
            "/servers/ec200403",
            r#"{"group": "eg100001"}"#,
            ok,
        ),
        ex(
            "000",
            "remove from group",
            false,
            Method::PUT,
            "/servers/ec200401",
            r#"{"group": "nogroup"}"#,
            ok,
        ),
        ex(
            "000",
            "isolations",
            false,
            Method::GET,
            "/servers/ec200402/isolations",
            "",
            r#"{"status": "ok", "isolations": [{"name": "ec000001", "notes": "my-isolated-server"}]}"#,
        ),
        ex(
            "000",
            "status",
            false,
            Method::GET,
            "/servers/ec200401/status",
            "",
            r#"{"status": "ok", "server": {"name": "ec000001", "current_status": "Running"}}"#,
        ),
        ex(
            "000",
            "metrics",
            false,
            Method::GET,
            "/servers/ec200401/metrics",
            "",
            metrics_000,
        ),
        ex(
            "000",
            "delete server",
            false,
            Method::DELETE,
            "/servers/ec200403",
            "",
            delete,
        ),
        ex(
            "001",
            "login",
            false,
            Method::POST,
            "/login",
            r#"{"username": "demo", "password": "demo"}"#,
            r#"{"token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.x", "expire": 1556650916, "status": "ok"}"#,
        ),
        ex(
            "001",
            "create server",
            false,
            Method::POST,
            "/servers",
            CREATE,
            r#"{"status": "ok", "action_id": 38, "server": {"name": "ec200016", "ipv4": "", "ipv6": "", "plan": "ECS1",
                "plan_size": {"core": "1", "ram": "1024", "disk": "20"}, "location": "it-fr2", "notes": "my first server",
                "so": "centos-7", "creation_date": "2019-04-30T15:19:48.535586+00:00", "deletion_date": null,
                "active_flag": false, "status": "Booting", "api_version": "v4", "user": "admin"}}"#,
        ),
        ex(
            "001",
            "list servers",
            false,
            Method::GET,
            "/servers",
            "",
            list_001,
        ),
        ex(
            "001",
            "update server",
            false,
            Method::PUT,
            "/servers/ec200401",
            r#"{"note": "update server name", "group": "eg100002"}"#,
            ok,
        ),
        ex(
            "001",
            "delete server",
            false,
            Method::DELETE,
            "/servers/ec200403",
            "",
            delete,
        ),
        ex(
            "001",
            "server status",
            true,
            Method::GET,
            "/servers/ec200401/status",
            "",
            r#"{"status": "ok", "name": "ec200016", "current_status": "RUNNING"}"#,
        ),
        ex(
            "001",
            "console",
            true,
            Method::POST,
            "/servers/ec200401/actions",
            r#"{"type": "console"}"#,
            wrapped,
        ),
        ex(
            "001",
            "power on",
            true,
            Method::POST,
            "/servers/ec200403/actions",
            r#"{"type": "power_on"}"#,
            wrapped_power,
        ),
        ex(
            "001",
            "metrics",
            true,
            Method::GET,
            "/servers/ec200401/metrics",
            "",
            metrics_001,
        ),
        ex(
            "001",
            "list actions",
            false,
            Method::GET,
            "/actions",
            "",
            actions,
        ),
        ex(
            "001",
            "get action",
            false,
            Method::GET,
            "/actions/1",
            "",
            action,
        ),
        ex(
            "001",
            "list templates",
            true,
            Method::GET,
            "/templates",
            "",
            templates,
        ),
        ex(
            "001",
            "get template",
            false,
            Method::GET,
            "/templates/1",
            "",
            template_one,
        ),
        ex(
            "001",
            "delete template",
            true,
            Method::DELETE,
            "/templates/2",
            "",
            delete,
        ),
        ex(
            "001",
            "create group",
            false,
            Method::POST,
            "/groups",
            r#"{"notes": "Test group 1", "password": "secret"}"#,
            group_one,
        ),
        ex(
            "001",
            "list groups",
            false,
            Method::GET,
            "/groups",
            "",
            groups,
        ),
        ex(
            "001",
            "delete group",
            false,
            Method::DELETE,
            "/groups/2",
            "",
            ok,
        ),
        ex(
            "001",
            "regions",
            false,
            Method::GET,
            "/regions",
            "",
            r#"{"status": "ok", "regions": [{"id": 1, "location": "it-fr2", "description": "Frosinone"}]}"#,
        ),
        ex(
            "001",
            "plans",
            false,
            Method::GET,
            "/plans",
            "",
            r#"{"status": "ok", "plans": [{"id": 1, "name": "ECS1", "cpu": "1", "ram": "1024", "disk": "20",
                "hourly_price": 0.017, "montly_price": 12, "windows": false, "available": true,
                "available_regions": [{"id": 1, "location": "it-fr2", "description": "Frosinone"}]}]}"#,
        ),
    ]
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every field of `example` must be in `answer` with the same JSON type (null matches anything).
fn same_shape(example: &Value, answer: &Value, at: &str, problems: &mut Vec<String>) {
    match (example, answer) {
        (Value::Null, _) | (_, Value::Null) => {}
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    Some(found) => same_shape(value, found, &format!("{at}.{key}"), problems),
                    None => problems.push(format!("{at}.{key} missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if !e.is_empty() && a.is_empty() {
                problems.push(format!("{at} is empty"));
            }
            for (i, (ev, av)) in e.iter().zip(a.iter()).enumerate() {
                same_shape(ev, av, &format!("{at}[{i}]"), problems);
            }
        }
        (e, a) if kind(e) == kind(a) => {}
        (e, a) => problems.push(format!(
            "{at}: {} in the docs, {} in the answer",
            kind(e),
            kind(a)
        )),
    }
}

#[tokio::test]
async fn every_seed_example_matches_the_simulators_answer() {
    let mut problems = Vec::new();
    let all = examples();
    assert_eq!(all.len(), 32);
    for ex in all {
        let sim = if ex.legacy {
            Sim::legacy().await
        } else {
            Sim::start().await
        };
        let body = (!ex.body.is_empty())
            .then(|| serde_json::from_str::<Value>(ex.body).expect("request JSON"));
        let token = if ex.path == "/login" {
            ""
        } else {
            crate::harness::DEMO
        };
        let reply = sim.call(ex.method.clone(), ex.path, token, body).await;
        let label = format!("seed {} {} ({} {})", ex.doc, ex.what, ex.method, ex.path);
        if reply.status != 200 {
            problems.push(format!("{label}: HTTP {} {}", reply.status, reply.text));
            continue;
        }
        let example: Value = serde_json::from_str(ex.example)
            .unwrap_or_else(|e| panic!("{label}: bad example JSON: {e}"));
        let mut found = Vec::new();
        same_shape(&example, &reply.json, "$", &mut found);
        problems.extend(found.into_iter().map(|p| format!("{label}: {p}")));
    }
    assert!(
        problems.is_empty(),
        "shape differences:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_shape_check_itself_catches_differences() {
    let mut problems = Vec::new();
    let example: Value = serde_json::json!({"a": "1", "b": {"c": [1]}, "d": null});
    same_shape(
        &example,
        &serde_json::json!({"a": 1, "b": {"c": []}}),
        "$",
        &mut problems,
    );
    assert_eq!(
        problems,
        vec![
            "$.a: string in the docs, number in the answer",
            "$.b.c is empty",
            "$.d missing"
        ]
    );
}
