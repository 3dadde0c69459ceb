-- Published content: one row per organisation pointing at its current version,
-- and every version ever published as the canonical pack document.
CREATE TABLE organisations (
    id              TEXT    NOT NULL PRIMARY KEY,
    current_version INTEGER NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE content_versions (
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    version         INTEGER NOT NULL,
    author          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    note            TEXT    NULL,
    restored_from   INTEGER NULL,
    document        TEXT    NOT NULL,
    PRIMARY KEY (organisation_id, version)
);
