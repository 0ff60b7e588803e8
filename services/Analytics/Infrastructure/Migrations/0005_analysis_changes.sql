-- Every committed change to what an analysis reads announces its workspace on the analysis_changed channel, so each
-- instance drops its in-memory copy of that workspace's posts (AnalysisCache) as soon as the notification arrives.
-- Updates that touch nothing the analysis reads (a metric document, a revision, an asset's free attributes) stay quiet,
-- so a library whose numbers are re-sent unchanged keeps its copy.
CREATE FUNCTION analysis_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('analysis_changed', OLD.workspace_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('analysis_changed', NEW.workspace_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER publication_facts_changed AFTER INSERT OR DELETE ON publication_facts
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
CREATE TRIGGER publication_facts_updated AFTER UPDATE ON publication_facts FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.asset_id, OLD.platform, OLD.account, OLD.published_at, OLD.removed_at, OLD.external_post_id,
           OLD.caption_length, OLD.hashtag_count)
          IS DISTINCT FROM (NEW.workspace_id, NEW.asset_id, NEW.platform, NEW.account, NEW.published_at, NEW.removed_at,
           NEW.external_post_id, NEW.caption_length, NEW.hashtag_count))
    EXECUTE FUNCTION analysis_changed();

CREATE TRIGGER asset_facts_changed AFTER INSERT OR DELETE ON asset_facts
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
CREATE TRIGGER asset_facts_updated AFTER UPDATE ON asset_facts FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.kind, OLD.format, OLD.topics, OLD.visual_elements, OLD.duration_seconds, OLD.language)
          IS DISTINCT FROM (NEW.workspace_id, NEW.kind, NEW.format, NEW.topics, NEW.visual_elements, NEW.duration_seconds, NEW.language))
    EXECUTE FUNCTION analysis_changed();

CREATE TRIGGER metric_facts_changed AFTER INSERT OR DELETE ON metric_facts
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
CREATE TRIGGER metric_facts_updated AFTER UPDATE ON metric_facts FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.platform, OLD.external_post_id, OLD.score, OLD.engagement_rate, OLD.engagement_rate_definition)
          IS DISTINCT FROM (NEW.workspace_id, NEW.platform, NEW.external_post_id, NEW.score, NEW.engagement_rate, NEW.engagement_rate_definition))
    EXECUTE FUNCTION analysis_changed();

CREATE TRIGGER account_zones_changed AFTER INSERT OR UPDATE OR DELETE ON account_zones
    FOR EACH ROW EXECUTE FUNCTION analysis_changed();
