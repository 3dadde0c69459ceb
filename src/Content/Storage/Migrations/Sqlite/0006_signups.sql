-- Sign-ups for activity sessions: confirmed within the session's capacity, else on the waiting list.
CREATE TABLE signups (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    activity_id     TEXT    NOT NULL,
    session_id      TEXT    NOT NULL,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    status          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (organisation_id, session_id, contact_id)
);

CREATE INDEX ix_signups_session ON signups (organisation_id, session_id, status);
