-- The duplicate guard looks up the publications of a few same-content assets on one platform account. Indexed on
-- (asset, platform, account) that lookup is one descent whatever the planner thinks of the account; with only the
-- asset in the key, a new account's stale statistics made it prefer walking the account's whole history instead.
DROP INDEX publications_by_asset;
CREATE INDEX publications_by_asset ON publications (asset_id, platform, account);
