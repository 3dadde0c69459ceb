-- revision counts how many times a person signed up again after cancelling: the messages about each sign-up
-- (reminders, notices) get their own keys, so a new sign-up is reminded even though the earlier one was not.
ALTER TABLE signups ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- Consent recorded by staff when they sign a person up on their behalf: who recorded it, when, for which
-- session, and the statement the person agreed to. Erased with the contact ("forget me").
CREATE TABLE signup_consents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    activity_id     TEXT    NOT NULL,
    session_id      TEXT    NOT NULL,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    statement       TEXT    NOT NULL
);

CREATE INDEX ix_signup_consents_session ON signup_consents (organisation_id, session_id, contact_id);
