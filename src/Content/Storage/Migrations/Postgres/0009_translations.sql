-- The state of each translation edited in the web app: a machine draft waiting for review (its text kept here,
-- never shown to people until reviewed, unless the organisation allows it), reviewed, or outdated because the
-- source text changed. source_hash is the source text the translation was made from or reviewed against.
CREATE TABLE translations (
    organisation_id text        NOT NULL,
    item_key        text        NOT NULL,
    language        text        NOT NULL,
    status          text        NOT NULL,
    source_hash     text        NOT NULL,
    draft           text NULL,
    updated_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, item_key, language)
);
