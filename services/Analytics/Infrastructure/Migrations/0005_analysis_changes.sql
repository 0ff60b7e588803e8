-- Every change to what an analysis reads announces its workspace on the analysis_changed channel when it commits, so
-- each instance drops its in-memory copy of that workspace's posts (AnalysisCache) at once, and never serves a copy
-- older than a committed change for longer than the notification takes to arrive.
CREATE FUNCTION analysis_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('analysis_changed', CASE TG_OP WHEN 'DELETE' THEN OLD.workspace_id ELSE NEW.workspace_id END);
    RETURN NULL;
END $$;

CREATE TRIGGER publication_facts_changed AFTER INSERT OR UPDATE OR DELETE ON publication_facts
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
CREATE TRIGGER asset_facts_changed AFTER INSERT OR UPDATE OR DELETE ON asset_facts
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
CREATE TRIGGER metric_facts_changed AFTER INSERT OR UPDATE OR DELETE ON metric_facts
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
CREATE TRIGGER account_zones_changed AFTER INSERT OR UPDATE OR DELETE ON account_zones
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
