-- revision counts how many times a person signed up again after cancelling: the messages about each sign-up
-- (reminders, notices) get their own keys, so a new sign-up is reminded even though the earlier one was not.
ALTER TABLE signups ADD COLUMN revision integer NOT NULL DEFAULT 0;

-- Consent recorded by staff when they sign a person up on their behalf: who recorded it, when, for which
-- session, and the statement the person agreed to. Erased with the contact ("forget me").
CREATE TABLE signup_consents (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text        NOT NULL,
    activity_id     text        NOT NULL,
    session_id      text        NOT NULL,
    contact_id      bigint      NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    statement       text        NOT NULL
);

CREATE INDEX ix_signup_consents_session ON signup_consents (organisation_id, session_id, contact_id);
