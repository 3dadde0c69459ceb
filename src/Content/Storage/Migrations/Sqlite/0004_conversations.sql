-- People who write to Reach: one row per organisation, channel and address (chat id or phone number),
-- with only a first name, a language and consents; never legal status.
CREATE TABLE contacts (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id    TEXT    NOT NULL,
    channel            TEXT    NOT NULL,
    address            TEXT    NOT NULL,
    first_name         TEXT    NULL,
    language           TEXT    NULL,
    language_candidate TEXT    NULL,
    candidate_count    INTEGER NOT NULL DEFAULT 0,
    stage              TEXT    NOT NULL,
    misunderstood      INTEGER NOT NULL DEFAULT 0,
    opted_out          INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (organisation_id, channel, address)
);

-- Conversations with a person (handoffs) and their messages, for the staff inbox.
CREATE TABLE handoffs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    reason          TEXT    NOT NULL,
    opened_at       TEXT    NOT NULL,
    closed_at       TEXT    NULL
);

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    direction  TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    at         TEXT    NOT NULL
);

CREATE INDEX ix_messages_contact_at ON messages (contact_id, at);
CREATE INDEX ix_handoffs_organisation_open ON handoffs (organisation_id, closed_at);
