-- Team mode's people and the audit log. Portable SQL: the same file runs on SQLite and Postgres
-- (sqlx's Any driver); times are Unix milliseconds, flags 0/1.
CREATE TABLE panel_users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change BIGINT NOT NULL,
    disabled BIGINT NOT NULL,
    created_ms BIGINT NOT NULL,
    last_sign_in_ms BIGINT
);

-- Append-only: the panel inserts and, past the retention, deletes the oldest; it never updates.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    operation TEXT NOT NULL,
    resource TEXT NOT NULL,
    params TEXT NOT NULL,
    peer TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    action_id BIGINT
);

CREATE INDEX audit_log_at ON audit_log (at_ms);
