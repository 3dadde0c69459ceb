-- Coordinators' changes not yet published: one draft per organisation, the canonical pack document of the whole
-- content as edited, and the published version it started from (publishing merges item by item onto the newest).
CREATE TABLE content_drafts (
    organisation_id text        NOT NULL PRIMARY KEY,
    base_version    integer     NOT NULL,
    document        text        NOT NULL,
    updated_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL
);
