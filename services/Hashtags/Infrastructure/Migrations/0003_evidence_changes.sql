-- Every committed change to what the tag statistics read announces its workspace on the hashtags_changed channel, so
-- each instance drops its in-memory copy of that workspace's evidence (TagEvidence) as soon as the notification arrives.
-- Updates that touch nothing the statistics read (a revision, an observation time, an asset's topics) stay quiet, so a
-- library whose numbers are re-sent unchanged keeps its copy. A new taxonomy notifies too, so the copy is read again in
-- the background; a request right after the write does not wait for the notification, as every request compares the
-- stored version with the copy's (TagEvidence.CurrentAsync).
CREATE FUNCTION hashtags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('hashtags_changed', OLD.workspace_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('hashtags_changed', NEW.workspace_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tagged_posts_changed AFTER INSERT OR DELETE ON tagged_posts
    FOR EACH ROW EXECUTE FUNCTION hashtags_changed();
CREATE TRIGGER tagged_posts_updated AFTER UPDATE ON tagged_posts FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.asset_id, OLD.platform, OLD.account, OLD.external_post_id, OLD.published_at, OLD.hashtags, OLD.removed_at)
          IS DISTINCT FROM (NEW.workspace_id, NEW.asset_id, NEW.platform, NEW.account, NEW.external_post_id, NEW.published_at, NEW.hashtags,
           NEW.removed_at))
    EXECUTE FUNCTION hashtags_changed();

CREATE TRIGGER post_assets_changed AFTER INSERT OR DELETE ON post_assets
    FOR EACH ROW EXECUTE FUNCTION hashtags_changed();
CREATE TRIGGER post_assets_updated AFTER UPDATE ON post_assets FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.kind, OLD.format) IS DISTINCT FROM (NEW.workspace_id, NEW.kind, NEW.format))
    EXECUTE FUNCTION hashtags_changed();

CREATE TRIGGER post_scores_changed AFTER INSERT OR DELETE ON post_scores
    FOR EACH ROW EXECUTE FUNCTION hashtags_changed();
CREATE TRIGGER post_scores_updated AFTER UPDATE ON post_scores FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.platform, OLD.external_post_id, OLD.score, OLD.engagement_rate)
          IS DISTINCT FROM (NEW.workspace_id, NEW.platform, NEW.external_post_id, NEW.score, NEW.engagement_rate))
    EXECUTE FUNCTION hashtags_changed();

CREATE TRIGGER account_zones_changed AFTER INSERT OR DELETE ON account_zones
    FOR EACH ROW EXECUTE FUNCTION hashtags_changed();
CREATE TRIGGER account_zones_updated AFTER UPDATE ON account_zones FOR EACH ROW
    WHEN ((OLD.workspace_id, OLD.time_zone) IS DISTINCT FROM (NEW.workspace_id, NEW.time_zone))
    EXECUTE FUNCTION hashtags_changed();

CREATE TRIGGER taxonomies_changed AFTER INSERT OR UPDATE OR DELETE ON taxonomies
    FOR EACH ROW EXECUTE FUNCTION hashtags_changed();
