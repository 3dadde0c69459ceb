-- Questions Reach could not answer, for the coordinators' list: never the sender's number or chat id.
CREATE TABLE unanswered_questions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id text        NOT NULL,
    language        text        NOT NULL,
    text            text        NOT NULL,
    asked_at        timestamptz NOT NULL
);

CREATE INDEX ix_unanswered_questions_organisation_at ON unanswered_questions (organisation_id, asked_at);
