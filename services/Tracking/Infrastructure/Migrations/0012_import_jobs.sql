-- Imports too large to answer within one request run as jobs: the rows wait here, and each row's result is kept as it
-- is made, so a restart resumes where the job stopped and the client can always read what was stored.
CREATE TABLE import_jobs (
    id            uuid PRIMARY KEY,
    workspace_id  text        NOT NULL,
    status        text        NOT NULL,
    rows          jsonb       NOT NULL,
    results       jsonb       NOT NULL DEFAULT '[]',
    total         integer     NOT NULL,
    created_at    timestamptz NOT NULL,
    completed_at  timestamptz,
    claimed_until timestamptz
);
CREATE INDEX import_jobs_pending ON import_jobs (created_at) WHERE status <> 'done';
