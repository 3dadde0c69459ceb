-- Questions Reach could not answer, for the coordinators' list: never the sender's number or chat id.
CREATE TABLE unanswered_questions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    asked_at        TEXT    NOT NULL
);

CREATE INDEX ix_unanswered_questions_organisation_at ON unanswered_questions (organisation_id, asked_at);
