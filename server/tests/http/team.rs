//! Team mode over HTTP: the role table against the registered server functions, every change
//! refused below its role (403, audited "denied"), people added, forced to change their one-time
//! password, disabled and signed out; the audit log in both modes; two replicas on one Postgres.

use app::access::{Rule, RULES};
use app::model::team::Role;
use reqwest::StatusCode;

use crate::harness::{call, Panel, Postgres, Redis};

/// The audit entries as `audit_list` returns them (admins), filtered by `filter` fields.
async fn audit(panel: &Panel, admin: &str, filter: &[(&str, &str)]) -> serde_json::Value {
    let fields: Vec<(String, &str)> = filter
        .iter()
        .map(|(k, v)| (format!("filter[{k}]"), *v))
        .collect();
    let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    form.push(("page", "0"));
    let (status, page) = call(panel, admin, "audit_list", &form).await;
    assert_eq!(status, 200, "audit_list: {page}");
    page
}

#[tokio::test]
async fn every_registered_server_function_is_in_the_role_table() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    assert!(
        registered.len() > 40,
        "server functions registered: {registered:?}"
    );
    let missing: Vec<_> = registered
        .iter()
        .filter(|p| app::access::rule(p).is_none())
        .collect();
    assert!(missing.is_empty(), "not in app::access::RULES: {missing:?}");
    let stale: Vec<_> = RULES
        .iter()
        .filter(|(name, _)| !registered.iter().any(|r| r == name))
        .map(|(n, _)| n)
        .collect();
    assert!(
        stale.is_empty(),
        "in the table but not registered: {stale:?}"
    );
}

#[tokio::test]
async fn every_change_and_admin_read_is_refused_below_its_role_and_audited() {
    let panel = Panel::team_demo().await;
    let admin = panel.sign_in("admin", "admin", None).await;
    let mut refused = 0;
    for (who, role) in [("viewer", Role::Viewer), ("operator", Role::Operator)] {
        let cookie = panel.sign_in(who, who, None).await;
        for (endpoint, rule) in RULES {
            let need = match rule {
                Rule::Public => continue,
                Rule::Read(need) | Rule::Change { need, .. } => *need,
            };
            let (status, body) = call(&panel, &cookie, endpoint, &[]).await;
            if role < need {
                assert_eq!(status, 403, "{who} calling {endpoint}: {body}");
                let words = body["Forbidden"].as_str().unwrap_or_default();
                assert!(words.contains(role.as_str()), "{endpoint}: {words}");
                if matches!(rule, Rule::Change { .. }) {
                    refused += 1;
                }
            } else {
                assert_ne!(status, 403, "{who} may call {endpoint}: {body}");
            }
        }
    }
    assert!(refused >= 40, "refusals: {refused}");
    let denied = audit(&panel, &admin, &[("outcome", "denied")]).await;
    assert_eq!(
        denied["total"], refused,
        "one denied entry per refused change"
    );
    let first = &denied["rows"][0];
    assert_eq!(first["actor"], "operator");
    assert_eq!(first["role"], "operator");
    assert!(
        first["peer"].as_str().unwrap().starts_with("127.0.0.1"),
        "{first}"
    );
    // A viewer's refused power action names its server and sends nothing upstream.
    let (_, viewer_power) = {
        let viewer = panel.sign_in("viewer", "viewer", None).await;
        call(
            &panel,
            &viewer,
            "servers_power",
            &[("name", "ec200401"), ("on", "false")],
        )
        .await
    };
    assert!(viewer_power["Forbidden"].is_string());
    // The refusal is in the reader's language (the cookie the user menu writes); the audit log
    // keeps English.
    let viewer = panel.sign_in("viewer", "viewer", None).await;
    let (status, italian) = call(
        &panel,
        &format!("{viewer}; lang=it"),
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_eq!(status, 403, "{italian}");
    let words = italian["Forbidden"].as_str().unwrap_or_default();
    assert!(words.starts_with("Il tuo ruolo (viewer)"), "{words}");
    let row = &audit(
        &panel,
        &admin,
        &[("actor", "viewer"), ("operation", "servers_power")],
    )
    .await["rows"][0];
    assert_eq!(row["resource"], "ec200401");
    assert_eq!(row["outcome"], "denied");
    let detail = row["detail"].as_str().unwrap_or_default();
    assert!(detail.starts_with("Your role (viewer)"), "{detail}");
    assert!(crate::harness::sent(&panel, "POST", "/power_off").is_empty());
}

#[tokio::test]
async fn an_operator_powers_a_server_off_and_the_audit_says_who() {
    let panel = Panel::team_demo().await;
    let operator = panel.sign_in("operator", "operator", None).await;
    let (status, body) = call(
        &panel,
        &operator,
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let action = body.as_u64().expect("an action id");
    let admin = panel.sign_in("admin", "admin", None).await;
    let rows = audit(&panel, &admin, &[("operation", "servers_power")]).await;
    let row = &rows["rows"][0];
    assert_eq!(row["actor"], "operator");
    assert_eq!(row["outcome"], "done");
    assert_eq!(row["action_id"], action);
    assert_eq!(row["resource"], "ec200401");
    assert!(
        row["params"]
            .as_str()
            .unwrap()
            .contains("\"on\": \"false\""),
        "{row}"
    );
    // Reads are not audited.
    call(&panel, &operator, "servers_list", &[]).await;
    assert_eq!(audit(&panel, &admin, &[]).await["total"], 1);
    // A refusal is recorded as one, with the words the operator saw.
    let (refused, said) = call(
        &panel,
        &operator,
        "servers_group",
        &[("name", "ec200401"), ("group", "no-such-group")],
    )
    .await;
    assert!(refused >= 400, "{said}");
    let row = &audit(&panel, &admin, &[("operation", "servers_group")]).await["rows"][0];
    assert_eq!(row["outcome"], "refused", "{row}");
    assert!(!row["detail"].as_str().unwrap().is_empty(), "{row}");
    // The CSV export carries it, for admins only.
    let csv = panel
        .get("/audit/export?operation=servers_power", Some(&admin))
        .await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("time_utc,actor,role,operation"), "{text}");
    assert!(
        text.contains("operator,operator,servers_power,ec200401,done"),
        "{text}"
    );
    let refused = panel.get("/audit/export", Some(&operator)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_new_person_changes_the_one_time_password_first_and_a_disabled_one_is_signed_out() {
    let panel = Panel::team_demo().await;
    let admin = panel.sign_in("admin", "admin", None).await;
    let (status, otp) = call(
        &panel,
        &admin,
        "team_add",
        &[("name", "Ops.Two"), ("role", "operator")],
    )
    .await;
    assert_eq!(status, 200, "{otp}");
    assert_eq!(otp["name"], "ops.two");
    let one_time = otp["password"].as_str().unwrap().to_string();
    let (again, taken) = call(
        &panel,
        &admin,
        "team_add",
        &[("name", "ops.two"), ("role", "viewer")],
    )
    .await;
    assert_eq!(again, 422, "{taken}");

    // First sign-in: sent to /password, and nothing else works until it is changed.
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[
                ("username", "ops.two"),
                ("password", &one_time),
                ("next", "/servers"),
            ],
        )
        .await;
    let cookie = crate::harness::session_cookie(&res).unwrap();
    assert_eq!(
        res.json::<String>().await.unwrap(),
        "/password?next=%2Fservers"
    );
    let page = panel.get("/servers", Some(&cookie)).await;
    assert_eq!(page.headers()["location"], "/password?next=%2Fservers");
    let (blocked, words) = call(
        &panel,
        &cookie,
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_eq!(blocked, 403, "{words}");
    assert_eq!(panel.get("/password", Some(&cookie)).await.status(), 200);
    let new = "Fresh-Start-42";
    let (changed, body) = call(
        &panel,
        &cookie,
        "password_change",
        &[("current", &one_time), ("new", new), ("confirm", new)],
    )
    .await;
    assert_eq!(changed, 200, "{body}");
    assert_eq!(panel.get("/servers", Some(&cookie)).await.status(), 200);
    // The passwords are in no audit entry.
    let log = audit(&panel, &admin, &[]).await.to_string();
    assert!(!log.contains(&one_time) && !log.contains(new), "{log}");
    assert!(log.contains("password_change"), "{log}");

    // Disabled: the next request signs them out, on pages and in server functions.
    let id = {
        let (_, team) = call(&panel, &admin, "team_list", &[]).await;
        team.as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "ops.two")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (done, _) = call(&panel, &admin, "team_disable", &[("id", &id)]).await;
    assert_eq!(done, 200);
    let page = panel.get("/servers", Some(&cookie)).await;
    assert!(page.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/login?next=%2Fservers&reason=expired"));
    let (gone, _) = call(&panel, &cookie, "overview", &[]).await;
    assert_eq!(gone, 401);
    let refused = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "ops.two"), ("password", new)],
        )
        .await;
    assert_eq!(refused.status(), 422);
    // An admin cannot disable themselves, nor demote the last admin.
    let me = {
        let (_, team) = call(&panel, &admin, "team_list", &[]).await;
        team.as_array()
            .unwrap()
            .iter()
            .find(|m| m["is_you"] == true)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (own, _) = call(&panel, &admin, "team_disable", &[("id", &me)]).await;
    assert_eq!(own, 403);
}

#[tokio::test]
async fn personal_mode_audits_changes_under_the_ecs_username() {
    let (panel, cookie) = crate::harness::signed_in().await;
    let (status, _) = call(
        &panel,
        &cookie,
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_eq!(status, 200);
    // The account's owner is the admin: the audit log is theirs to read.
    let rows = audit(&panel, &cookie, &[]).await;
    assert_eq!(rows["total"], 1);
    assert_eq!(rows["rows"][0]["actor"], "demo");
    assert_eq!(rows["rows"][0]["role"], "personal");
    // Another ECS account on the same panel sees none of demo's entries, nor in the CSV.
    let alice = panel.sign_in("alice", "alice", None).await;
    assert_eq!(
        audit(&panel, &alice, &[("actor", "demo")]).await["total"],
        0
    );
    let csv = panel
        .get("/audit/export", Some(&alice))
        .await
        .text()
        .await
        .unwrap();
    assert!(!csv.contains("ec200401"), "{csv}");
    // The team page says team mode is off.
    let (off, body) = call(&panel, &cookie, "team_list", &[]).await;
    assert_eq!(off, 404, "{body}");
}

#[tokio::test]
async fn two_replicas_share_people_and_one_audit_log_in_postgres() {
    let pg = Postgres::start();
    let redis = Redis::start();
    let sim = crate::harness::logging_sim().await;
    let (db, store, api) = (pg.url(), redis.url(), sim.base_url());
    let args = [
        "--database",
        db.as_str(),
        "--session-store",
        store.as_str(),
        "--api-url",
        api.as_str(),
        "--team-token",
        ecs_simulator::DEMO_API_TOKEN,
    ];
    // The first admin, as `ecs-panel users add` makes one.
    let first = app::db::Db::open(&db)
        .await
        .expect("postgres opens and migrates");
    let phc = app::team::passwords::hash("First-Admin-1").unwrap();
    app::team::users::add(&first, "root", Role::Admin, &phc, false)
        .await
        .unwrap();
    let a = Panel::start(&args).await;
    let b = Panel::start(&args).await;
    let admin = a.sign_in("root", "First-Admin-1", None).await;
    let (status, otp) = call(
        &a,
        &admin,
        "team_add",
        &[("name", "ops"), ("role", "operator")],
    )
    .await;
    assert_eq!(status, 200, "{otp}");
    // Added on A, signs in on B, and changes the one-time password there.
    let ops = b
        .sign_in("ops", otp["password"].as_str().unwrap(), None)
        .await;
    let new = "Replica-Pass-7";
    let (changed, body) = call(
        &b,
        &ops,
        "password_change",
        &[
            ("current", otp["password"].as_str().unwrap()),
            ("new", new),
            ("confirm", new),
        ],
    )
    .await;
    assert_eq!(changed, 200, "{body}");
    let (power, body) = call(
        &b,
        &ops,
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_eq!(power, 200, "{body}");
    // The session made on B works on A (Redis), and both replicas' entries are in one log.
    assert_eq!(a.get("/servers", Some(&ops)).await.status(), 200);
    let log = audit(&a, &admin, &[]).await;
    let ops_seen: Vec<_> = log["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["operation"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(log["total"], 3, "{ops_seen:?}");
    for op in ["team_add", "password_change", "servers_power"] {
        assert!(
            ops_seen.iter().any(|o| o == op),
            "{op} missing: {ops_seen:?}"
        );
    }
    a.stop();
    b.stop();
}

#[tokio::test]
async fn the_command_line_makes_the_first_admin_in_a_sqlite_file() {
    use server::config::UsersCommand;
    let (store, dir) = crate::harness::sqlite_store("users-cli");
    let url = store.replace("sessions.db", "panel.db");
    let add = |name: &str, role: &str| UsersCommand::Add {
        name: name.into(),
        role: role.into(),
    };
    server::users_cli::run(&url, add("Root", "admin"))
        .await
        .expect("added");
    let db = app::db::Db::open(&url).await.unwrap();
    let (root, hash) = app::team::users::by_name_with_hash(&db, "root")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(root.role, Role::Admin);
    assert!(root.must_change, "a one-time password must be changed");
    assert!(hash.starts_with("$argon2id$"));
    let taken = server::users_cli::run(&url, add("root", "viewer"))
        .await
        .unwrap_err();
    assert!(taken.contains("already"), "{taken}");
    let bad_role = server::users_cli::run(&url, add("eve", "root"))
        .await
        .unwrap_err();
    assert!(bad_role.contains("--role"), "{bad_role}");
    server::users_cli::run(
        &url,
        UsersCommand::Disable {
            name: "root".into(),
        },
    )
    .await
    .unwrap();
    let (root, _) = app::team::users::by_name_with_hash(&db, "root")
        .await
        .unwrap()
        .unwrap();
    assert!(root.disabled);
    std::fs::remove_dir_all(dir).unwrap();
}
