-- Staff and coordinators' accounts: one organisation each, roles as a comma-separated list (admin,
-- coordinator, staff), a password hash from ASP.NET Core Identity's hasher (never a password), and the
-- lockout counters.
CREATE TABLE accounts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text        NOT NULL,
    email           text        NOT NULL UNIQUE,
    display_name    text        NOT NULL,
    roles           text        NOT NULL,
    language        text        NOT NULL,
    password_hash   text        NOT NULL,
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz NULL,
    disabled        boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Who in the team follows a conversation with a person.
ALTER TABLE handoffs ADD COLUMN assigned_to bigint NULL;

-- When a send started: what a later check with the provider looks back to (a takeover never moves it).
ALTER TABLE outbox ADD COLUMN sending_ms bigint NULL;
