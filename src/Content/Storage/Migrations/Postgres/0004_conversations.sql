-- People who write to Reach: one row per organisation, channel and address (chat id or phone number),
-- with only a first name, a language and consents; never legal status.
CREATE TABLE contacts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id    text        NOT NULL,
    channel            text        NOT NULL,
    address            text        NOT NULL,
    first_name         text        NULL,
    language           text        NULL,
    language_candidate text        NULL,
    candidate_count    integer     NOT NULL DEFAULT 0,
    stage              text        NOT NULL,
    misunderstood      integer     NOT NULL DEFAULT 0,
    opted_out          boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (organisation_id, channel, address)
);

-- Conversations with a person (handoffs) and their messages, for the staff inbox.
CREATE TABLE handoffs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text        NOT NULL,
    contact_id      bigint      NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    reason          text        NOT NULL,
    opened_at       timestamptz NOT NULL,
    closed_at       timestamptz NULL
);

CREATE TABLE messages (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id bigint      NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    direction  text        NOT NULL,
    text       text        NOT NULL,
    at         timestamptz NOT NULL
);

CREATE INDEX ix_messages_contact_at ON messages (contact_id, at);
CREATE INDEX ix_handoffs_organisation_open ON handoffs (organisation_id, closed_at);
