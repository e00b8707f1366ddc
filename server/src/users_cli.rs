//! `ecs-panel users …`: team mode's accounts from the command line, against the panel database
//! (`--database`). The first admin is made here; the rest on `/team`.

use app::db::Db;
use app::model::team::{clean_name, name_problem, Role};
use app::team::{passwords, users};

use crate::config::UsersCommand;

pub async fn run(database: &str, action: UsersCommand) -> Result<(), String> {
    let db = Db::open(database)
        .await
        .map_err(|e| format!("ECS_PANEL_DATABASE_URL: {e}"))?;
    match action {
        UsersCommand::Add { name, role } => {
            let name = checked_name(&name)?;
            let role = Role::parse(&role)
                .ok_or_else(|| format!("--role must be viewer, operator or admin, got {role:?}"))?;
            let password = passwords::one_time();
            let phc = passwords::hash_blocking(password.clone())
                .await
                .ok_or("could not hash the password")?;
            users::add(&db, &name, role, &phc, true)
                .await
                .map_err(|e| format!("cannot add {name}: {e}"))?;
            audit(&db, "team_add", &name, "command line").await;
            println!("Added {name} ({}).", role.as_str());
            println!("One-time password: {password}");
            println!("It must be changed at the first sign-in, and is shown only now.");
        }
        UsersCommand::List => {
            let all = users::list(&db).await.map_err(|e| e.to_string())?;
            if all.is_empty() {
                println!("No accounts yet: ecs-panel users add NAME --role admin");
            }
            for u in all {
                let state = match (u.disabled, u.must_change) {
                    (true, _) => "disabled",
                    (false, true) => "must change password",
                    (false, false) => "active",
                };
                println!("{:<32} {:<9} {state}", u.name, u.role.as_str());
            }
        }
        UsersCommand::ResetPassword { name } => {
            let user = existing(&db, &name).await?;
            let password = passwords::one_time();
            let phc = passwords::hash_blocking(password.clone())
                .await
                .ok_or("could not hash the password")?;
            users::set_password(&db, &user.id, &phc, true)
                .await
                .map_err(|e| e.to_string())?;
            audit(&db, "team_reset", &user.name, "command line").await;
            println!("One-time password for {}: {password}", user.name);
        }
        UsersCommand::Disable { name } => {
            let user = existing(&db, &name).await?;
            users::set_disabled(&db, &user.id, true)
                .await
                .map_err(|e| e.to_string())?;
            audit(&db, "team_disable", &user.name, "command line").await;
            println!("Disabled {}: signed out at the next request.", user.name);
        }
        UsersCommand::Enable { name } => {
            let user = existing(&db, &name).await?;
            users::set_disabled(&db, &user.id, false)
                .await
                .map_err(|e| e.to_string())?;
            audit(&db, "team_enable", &user.name, "command line").await;
            println!("Re-enabled {}.", user.name);
        }
    }
    Ok(())
}

/// Changes made here are in the audit log too, by "command line" from the machine itself.
async fn audit(db: &Db, operation: &str, name: &str, actor: &str) {
    let entry = app::audit::Entry {
        actor: actor.into(),
        role: "shell".into(),
        operation: operation.into(),
        resource: name.into(),
        params: serde_json::json!({ "name": name }).to_string(),
        peer: "local".into(),
        outcome: app::model::audit::Outcome::Done,
        detail: String::new(),
        action_id: None,
    };
    if let Err(e) = app::audit::store::append(db, &entry).await {
        eprintln!("warning: could not write the audit log: {e}");
    }
}

fn checked_name(name: &str) -> Result<String, String> {
    let name = clean_name(name);
    match name_problem(&name) {
        Some(problem) => Err(format!("username {name:?}: {problem}")),
        None => Ok(name),
    }
}

async fn existing(db: &Db, name: &str) -> Result<users::User, String> {
    let name = checked_name(name)?;
    users::by_name_with_hash(db, &name)
        .await
        .map_err(|e| e.to_string())?
        .map(|(u, _)| u)
        .ok_or_else(|| format!("there is no account called {name}"))
}
