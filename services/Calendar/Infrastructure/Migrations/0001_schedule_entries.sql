CREATE TABLE schedule_entries (
    id              uuid PRIMARY KEY,
    workspace_id    text        NOT NULL,
    asset_id        uuid        NOT NULL,
    platform        text        NOT NULL,
    account         text        NOT NULL,
    local_time      timestamp   NOT NULL,
    time_zone       text        NOT NULL,
    scheduled_at    timestamptz NOT NULL,
    status          text        NOT NULL,
    idempotency_key text,
    created_at      timestamptz NOT NULL,
    canceled_at     timestamptz
);
CREATE INDEX schedule_entries_by_time ON schedule_entries (workspace_id, scheduled_at);
CREATE INDEX schedule_entries_by_asset ON schedule_entries (workspace_id, asset_id, platform, account);
CREATE UNIQUE INDEX schedule_entries_by_idempotency_key ON schedule_entries (workspace_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
