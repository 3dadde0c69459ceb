-- The state of each translation edited in the web app: a machine draft waiting for review (its text kept here,
-- never shown to people until reviewed, unless the organisation allows it), reviewed, or outdated because the
-- source text changed. source_hash is the source text the translation was made from or reviewed against.
CREATE TABLE translations (
    organisation_id TEXT NOT NULL,
    item_key        TEXT NOT NULL,
    language        TEXT NOT NULL,
    status          TEXT NOT NULL,
    source_hash     TEXT NOT NULL,
    draft           TEXT NULL,
    updated_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, item_key, language)
);
