-- Appointments recorded by staff. The contact is who receives the reminders (a phone a family may
-- share); first_name and language are the person the appointment is for. Notes are for staff only.
CREATE TABLE appointments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text    NOT NULL,
    contact_id      bigint  NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    first_name      text    NULL,
    language        text    NOT NULL,
    service_id      text    NULL,
    site_id         text    NULL,
    staff           text    NULL,
    notes           text    NULL,
    starts_at       timestamptz    NOT NULL,
    revision        integer NOT NULL DEFAULT 1,
    status          text    NOT NULL,
    outcome         text    NULL,
    cancelled_by    text    NULL,
    reminded_at     timestamptz    NULL,
    replied_at      timestamptz    NULL,
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL
);

CREATE INDEX ix_appointments_organisation_start ON appointments (organisation_id, starts_at);
CREATE INDEX ix_appointments_contact ON appointments (contact_id);

-- Every message Reach plans to send by itself (reminders, broadcasts, notices), with its state.
-- message_key (subject + person + plan step) makes each planned message unique: sent at most once.
-- Times compared in SQL are Unix milliseconds (UTC), the same in both dialects.
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_key     text    NOT NULL UNIQUE,
    organisation_id text    NOT NULL,
    contact_id      bigint  NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind            text    NOT NULL,
    subject         text    NOT NULL,
    step            text    NOT NULL,
    language        text    NOT NULL,
    text            text    NULL,
    event_ms        bigint  NULL,
    due_ms          bigint  NOT NULL,
    state           text    NOT NULL,
    channel         text    NULL,
    tried           text    NOT NULL DEFAULT '',
    attempts        integer NOT NULL DEFAULT 0,
    lease_ms        bigint  NULL,
    claimed_by      text    NULL,
    provider_id     text    NULL,
    reason          text    NULL,
    sent_ms         bigint  NULL,
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL
);

CREATE INDEX ix_outbox_state_due ON outbox (state, due_ms);
CREATE INDEX ix_outbox_subject ON outbox (subject);
CREATE INDEX ix_outbox_provider ON outbox (provider_id);
CREATE INDEX ix_outbox_contact ON outbox (contact_id);

-- Messages staff write once and send to an audience; texts is a JSON object language -> text.
CREATE TABLE broadcasts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text    NOT NULL,
    author          text    NOT NULL,
    audience        text    NOT NULL,
    source_language text    NOT NULL,
    texts           text    NOT NULL,
    send_ms         bigint  NOT NULL,
    state           text    NOT NULL,
    recipients      integer NOT NULL DEFAULT 0,
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL
);

-- What a person opted into: news of the organisation ('news') or a group ('group:<id>').
CREATE TABLE subscriptions (
    contact_id bigint  NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    topic      text    NOT NULL,
    created_at timestamptz    NOT NULL,
    PRIMARY KEY (contact_id, topic)
);
