-- Staff and coordinators' accounts: one organisation each, roles as a comma-separated list (admin,
-- coordinator, staff), a password hash from ASP.NET Core Identity's hasher (never a password), and the
-- lockout counters.
CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    email           TEXT    NOT NULL UNIQUE,
    display_name    TEXT    NOT NULL,
    roles           TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT    NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- Who in the team follows a conversation with a person.
ALTER TABLE handoffs ADD COLUMN assigned_to INTEGER NULL;

-- When a send started: what a later check with the provider looks back to (a takeover never moves it).
ALTER TABLE outbox ADD COLUMN sending_ms INTEGER NULL;
