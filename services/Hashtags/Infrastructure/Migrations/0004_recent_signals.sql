-- Trending and recommendations read the signals of the last 90 days only (TrendSignals.RecentDays): found by time, so
-- a source that has posted every few minutes for years costs what its recent signals cost.
CREATE INDEX trend_signals_by_time ON trend_signals (workspace_id, observed_at);
