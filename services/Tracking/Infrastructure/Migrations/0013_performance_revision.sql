-- metrics-ingestion counts each post's MetricsUpdated events; the highest seen orders them when they arrive out of order.
ALTER TABLE publication_performance ADD COLUMN revision bigint NOT NULL DEFAULT 0;
