-- Who changed what and when: content publishes and restores now, appointments, broadcasts and accounts later.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text        NULL,
    actor           text        NOT NULL,
    action          text        NOT NULL,
    detail          text        NOT NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX ix_audit_log_organisation_at ON audit_log (organisation_id, at);
