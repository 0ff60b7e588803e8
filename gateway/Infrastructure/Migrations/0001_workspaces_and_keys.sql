CREATE TABLE workspaces (
    id         text PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Keys are stored only as SHA-256 digests: they are long random secrets, so a fast hash is enough and the
-- plain key exists only in the response that created it.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    workspace_id text        NOT NULL REFERENCES workspaces (id),
    name         text        NOT NULL,
    key_hash     bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
