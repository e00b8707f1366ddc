//! Panel accounts in the panel database. Names are unique (lower case); an account is never
//! deleted, only disabled, so the audit log's names keep meaning someone.

use crate::db::{new_id, now_ms, Db, DbError};
use crate::model::team::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub must_change: bool,
    pub disabled: bool,
    pub created_ms: i64,
    pub last_sign_in_ms: Option<i64>,
}

type Row = (String, String, String, i64, i64, i64, Option<i64>);
/// A [`Row`] and the password hash.
type RowWithHash = (String, String, String, i64, i64, i64, Option<i64>, String);

const COLUMNS: &str = "id, name, role, must_change, disabled, created_ms, last_sign_in_ms";

fn user((id, name, role, must_change, disabled, created_ms, last_sign_in_ms): Row) -> User {
    User {
        id,
        name,
        // An unknown role (a hand-edited row) gets the least rights.
        role: Role::parse(&role).unwrap_or(Role::Viewer),
        must_change: must_change != 0,
        disabled: disabled != 0,
        created_ms,
        last_sign_in_ms,
    }
}

/// Why adding someone failed.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("someone is already called {0}")]
    Taken(String),
    #[error("could not hash the password")]
    Hash,
    #[error(transparent)]
    Db(#[from] DbError),
}

pub async fn list(db: &Db) -> Result<Vec<User>, DbError> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM panel_users ORDER BY name"))
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(user).collect())
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<User>, DbError> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM panel_users WHERE id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(user))
}

/// The account called `name`, with its password hash (for signing in).
pub async fn by_name_with_hash(db: &Db, name: &str) -> Result<Option<(User, String)>, DbError> {
    let row: Option<RowWithHash> = sqlx::query_as(&format!(
        "SELECT {COLUMNS}, password_hash FROM panel_users WHERE name = $1"
    ))
    .bind(name)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(a, b, c, d, e, f, g, hash)| (user((a, b, c, d, e, f, g)), hash)))
}

/// Adds an account with the password hash `phc`; `must_change` makes its first sign-in ask for a
/// new password.
pub async fn add(
    db: &Db,
    name: &str,
    role: Role,
    phc: &str,
    must_change: bool,
) -> Result<User, AddError> {
    if by_name_with_hash(db, name).await?.is_some() {
        return Err(AddError::Taken(name.into()));
    }
    let now = now_ms();
    let id = new_id(now);
    let added = sqlx::query(
        "INSERT INTO panel_users (id, name, role, password_hash, must_change, disabled, created_ms) \
         VALUES ($1, $2, $3, $4, $5, 0, $6)",
    )
    .bind(&id)
    .bind(name)
    .bind(role.as_str())
    .bind(phc)
    .bind(i64::from(must_change))
    .bind(now)
    .execute(&db.pool)
    .await;
    match added {
        Ok(_) => {}
        // Two admins adding the same name at once: the UNIQUE constraint decides.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AddError::Taken(name.into()))
        }
        Err(e) => return Err(AddError::Db(e.into())),
    }
    Ok(User {
        id,
        name: name.into(),
        role,
        must_change,
        disabled: false,
        created_ms: now,
        last_sign_in_ms: None,
    })
}

pub async fn set_password(
    db: &Db,
    id: &str,
    phc: &str,
    must_change: bool,
) -> Result<bool, DbError> {
    let done =
        sqlx::query("UPDATE panel_users SET password_hash = $1, must_change = $2 WHERE id = $3")
            .bind(phc)
            .bind(i64::from(must_change))
            .bind(id)
            .execute(&db.pool)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_role(db: &Db, id: &str, role: Role) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE panel_users SET role = $1 WHERE id = $2")
        .bind(role.as_str())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_disabled(db: &Db, id: &str, disabled: bool) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE panel_users SET disabled = $1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn signed_in_now(db: &Db, id: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE panel_users SET last_sign_in_ms = $1 WHERE id = $2")
        .bind(now_ms())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Enabled admins other than `except`: the last one may not be disabled or demoted.
pub async fn other_admins(db: &Db, except: &str) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM panel_users WHERE role = 'admin' AND disabled = 0 AND id <> $1",
    )
    .bind(except)
    .fetch_one(&db.pool)
    .await?;
    Ok(n)
}

/// The demo's accounts (`admin`/`admin`…): made or reset at every start, no forced change.
pub async fn seed_demo(db: &Db) -> Result<(), AddError> {
    for name in super::DEMO_ACCOUNTS {
        let role = Role::parse(name).unwrap_or(Role::Viewer);
        let phc = super::passwords::hash_blocking(name.to_string())
            .await
            .ok_or(AddError::Hash)?;
        match by_name_with_hash(db, name).await? {
            Some((u, _)) => {
                set_password(db, &u.id, &phc, false).await?;
                set_role(db, &u.id, role).await?;
                set_disabled(db, &u.id, false).await?;
            }
            None => {
                add(db, name, role, &phc, false).await?;
            }
        }
    }
    Ok(())
}
