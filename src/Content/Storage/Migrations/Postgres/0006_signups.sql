-- Sign-ups for activity sessions: confirmed within the session's capacity, else on the waiting list.
CREATE TABLE signups (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text        NOT NULL,
    activity_id     text        NOT NULL,
    session_id      text        NOT NULL,
    contact_id      bigint      NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (organisation_id, session_id, contact_id)
);

CREATE INDEX ix_signups_session ON signups (organisation_id, session_id, status);
