-- Appointments recorded by staff. The contact is who receives the reminders (a phone a family may
-- share); first_name and language are the person the appointment is for. Notes are for staff only.
CREATE TABLE appointments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    first_name      TEXT    NULL,
    language        TEXT    NOT NULL,
    service_id      TEXT    NULL,
    site_id         TEXT    NULL,
    staff           TEXT    NULL,
    notes           TEXT    NULL,
    starts_at       TEXT    NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    status          TEXT    NOT NULL,
    outcome         TEXT    NULL,
    cancelled_by    TEXT    NULL,
    reminded_at     TEXT    NULL,
    replied_at      TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE INDEX ix_appointments_organisation_start ON appointments (organisation_id, starts_at);
CREATE INDEX ix_appointments_contact ON appointments (contact_id);

-- Every message Reach plans to send by itself (reminders, broadcasts, notices), with its state.
-- message_key (subject + person + plan step) makes each planned message unique: sent at most once.
-- Times compared in SQL are Unix milliseconds (UTC), the same in both dialects.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_key     TEXT    NOT NULL UNIQUE,
    organisation_id TEXT    NOT NULL,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    step            TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    text            TEXT    NULL,
    event_ms        INTEGER NULL,
    due_ms          INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    channel         TEXT    NULL,
    tried           TEXT    NOT NULL DEFAULT '',
    attempts        INTEGER NOT NULL DEFAULT 0,
    lease_ms        INTEGER NULL,
    claimed_by      TEXT    NULL,
    provider_id     TEXT    NULL,
    reason          TEXT    NULL,
    sent_ms         INTEGER NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE INDEX ix_outbox_state_due ON outbox (state, due_ms);
CREATE INDEX ix_outbox_subject ON outbox (subject);
CREATE INDEX ix_outbox_provider ON outbox (provider_id);
CREATE INDEX ix_outbox_contact ON outbox (contact_id);

-- Messages staff write once and send to an audience; texts is a JSON object language -> text.
CREATE TABLE broadcasts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    author          TEXT    NOT NULL,
    audience        TEXT    NOT NULL,
    source_language TEXT    NOT NULL,
    texts           TEXT    NOT NULL,
    send_ms         INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    recipients      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- What a person opted into: news of the organisation ('news') or a group ('group:<id>').
CREATE TABLE subscriptions (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    topic      TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (contact_id, topic)
);
