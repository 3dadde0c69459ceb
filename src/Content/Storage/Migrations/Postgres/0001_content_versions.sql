-- Published content: one row per organisation pointing at its current version,
-- and every version ever published as the canonical pack document.
CREATE TABLE organisations (
    id              text        NOT NULL PRIMARY KEY,
    current_version integer     NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE content_versions (
    organisation_id text        NOT NULL REFERENCES organisations (id),
    version         integer     NOT NULL,
    author          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    note            text        NULL,
    restored_from   integer     NULL,
    document        text        NOT NULL,
    PRIMARY KEY (organisation_id, version)
);
