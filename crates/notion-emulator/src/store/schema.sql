-- notion-emulator storage. Objects are JSON documents plus the columns queries need.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
    id   TEXT PRIMARY KEY,
    seq  INTEGER NOT NULL,
    kind TEXT NOT NULL,            -- person | bot
    data TEXT NOT NULL             -- {"name","email","avatar_url"}
);

CREATE TABLE IF NOT EXISTS integrations (
    id           TEXT PRIMARY KEY,
    token        TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    bot_user_id  TEXT NOT NULL,
    capabilities TEXT NOT NULL,    -- JSON array
    user_info    TEXT NOT NULL,
    is_default   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS shares (
    integration_id TEXT NOT NULL,
    object_id      TEXT NOT NULL,
    PRIMARY KEY (integration_id, object_id)
);

-- Pages, databases, data sources and blocks: everything that lives in the content tree.
CREATE TABLE IF NOT EXISTS nodes (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,     -- page | database | data_source | block
    parent_type      TEXT NOT NULL,     -- workspace | page_id | block_id | database_id | data_source_id
    parent_id        TEXT,
    ord              INTEGER NOT NULL DEFAULT 0,
    seq              INTEGER NOT NULL,
    created_time     TEXT NOT NULL,
    last_edited_time TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    last_edited_by   TEXT NOT NULL,
    in_trash         INTEGER NOT NULL DEFAULT 0,
    title            TEXT NOT NULL DEFAULT '',
    data             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_parent ON nodes (parent_id, ord);
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes (kind, last_edited_time);

CREATE TABLE IF NOT EXISTS comments (
    id            TEXT PRIMARY KEY,
    seq           INTEGER NOT NULL,
    parent_id     TEXT NOT NULL,
    discussion_id TEXT NOT NULL,
    data          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_parent ON comments (parent_id, seq);
CREATE INDEX IF NOT EXISTS comments_discussion ON comments (discussion_id, seq);

CREATE TABLE IF NOT EXISTS file_uploads (
    id             TEXT PRIMARY KEY,
    seq            INTEGER NOT NULL,
    integration_id TEXT NOT NULL,
    status         TEXT NOT NULL,
    data           TEXT NOT NULL,
    content        BLOB
);
CREATE TABLE IF NOT EXISTS file_parts (
    upload_id   TEXT NOT NULL,
    part_number INTEGER NOT NULL,
    content     BLOB NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);

-- Async tasks (`allow_async`): `data` is the finished task as served by
-- GET /v1/async_tasks/{id}.
CREATE TABLE IF NOT EXISTS async_tasks (
    id             TEXT PRIMARY KEY,
    seq            INTEGER NOT NULL,
    integration_id TEXT NOT NULL,
    data           TEXT NOT NULL
);
