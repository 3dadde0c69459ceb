-- Who changed what and when: content publishes and restores now, appointments, broadcasts and accounts later.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NULL,
    actor           TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    at              TEXT    NOT NULL
);

CREATE INDEX ix_audit_log_organisation_at ON audit_log (organisation_id, at);
