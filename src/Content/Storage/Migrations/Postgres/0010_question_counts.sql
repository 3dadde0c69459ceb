-- Questions people asked, counted per ISO week, language and topic, and whether Reach answered them itself:
-- the coordinators' dashboard. Counts only: no text, no sender.
CREATE TABLE question_counts (
    organisation_id text    NOT NULL,
    week            text    NOT NULL,
    language        text    NOT NULL,
    topic           text    NOT NULL,
    answered        boolean NOT NULL,
    count           integer NOT NULL,
    PRIMARY KEY (organisation_id, week, language, topic, answered)
);
