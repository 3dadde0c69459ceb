-- Questions people asked, counted per ISO week, language and topic, and whether Reach answered them itself:
-- the coordinators' dashboard. Counts only: no text, no sender.
CREATE TABLE question_counts (
    organisation_id TEXT    NOT NULL,
    week            TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    answered        INTEGER NOT NULL,
    count           INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, week, language, topic, answered)
);
