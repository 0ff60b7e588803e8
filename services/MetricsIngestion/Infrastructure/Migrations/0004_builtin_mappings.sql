-- Built-in metric mappings (workspace_id NULL): what each platform field, named exactly as its connector sends it,
-- means in canonical terms, and for which span of time. Source: the shared spec PLATFORMS.md (vendor docs cited there).
--
-- Conventions:
--   * Lookup is by (platform, raw_name), case-sensitive. At most one built-in row per (platform, raw_name) is in force at
--     any instant: renames end the old row (effective_to, exclusive) and start the new one. '2000-01-01' means "always".
--   * Nested fields are seeded under their dotted path and, where a connector may flatten them, under the bare name too.
--     A connector sends each field under one spelling only: 'sum' rows sent twice would be counted twice.
--   * Meta insights with a period other than lifetime arrive as '<metric>:<period>' (scope day / days_28); bare = lifetime.
--   * combine 'sum': the fields are parts of one total (added). combine 'max': other names for the same total (largest
--     wins). When both kinds feed one canonical metric in one reading, the larger of the two results stands.
--   * A field left out on purpose is listed in a comment with the reason; an unmapped field is kept as raw, never lost.

-- YouTube: Data API statistics are lifetime totals sent as JSON strings; Analytics API values are per day (dimensions=day).
-- Not mapped: statistics.favoriteCount (legacy, always "0"; a zero saves count would be a false reading, not a measurement).
-- Not mapped: engagedViews (a different view definition from views since the 31 Mar 2025 Shorts change; mixing the two
--             under one canonical name would make the series jump), averageViewDuration (an average, not a total),
--             subscribersLost (no canonical metric for losses), estimatedRevenue and other money or rate metrics.
-- Not mapped: channel hiddenSubscriberCount (a flag); channel statistics.viewCount/videoCount (channel totals, not a post).
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'youtube', 'data-api', 'viewCount', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'videos.list statistics; a numeric string. Shorts count every start or replay since 2025-03-31, so view counts jump.'),
    (NULL, 'youtube', 'data-api', 'statistics.viewCount', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as viewCount under its nested path.'),
    (NULL, 'youtube', 'data-api', 'likeCount', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'videos.list statistics; a numeric string.'),
    (NULL, 'youtube', 'data-api', 'statistics.likeCount', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as likeCount under its nested path.'),
    (NULL, 'youtube', 'data-api', 'dislikeCount', 'dislikes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Private since 2021-12-13: only the owner still gets it, so absent means unknown, not zero; kept in force.'),
    (NULL, 'youtube', 'data-api', 'statistics.dislikeCount', 'dislikes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as dislikeCount under its nested path; owner-only since 2021-12-13.'),
    (NULL, 'youtube', 'data-api', 'commentCount', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'videos.list statistics; a numeric string.'),
    (NULL, 'youtube', 'data-api', 'statistics.commentCount', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as commentCount under its nested path.'),
    (NULL, 'youtube', 'data-api', 'subscriberCount', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'channels.list statistics: the channel audience when observed (public value is rounded).'),
    (NULL, 'youtube', 'data-api', 'statistics.subscriberCount', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as subscriberCount under its nested path.'),
    (NULL, 'youtube', 'analytics-api', 'views', 'views', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Analytics API, one row per day of the report.'),
    (NULL, 'youtube', 'analytics-api', 'likes', 'likes', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Analytics API, one row per day of the report.'),
    (NULL, 'youtube', 'analytics-api', 'dislikes', 'dislikes', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Analytics API, owner-only, so still available after the 2021 Data API change.'),
    (NULL, 'youtube', 'analytics-api', 'comments', 'comments', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Analytics API, one row per day of the report.'),
    (NULL, 'youtube', 'analytics-api', 'shares', 'shares', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Analytics API, one row per day of the report.'),
    (NULL, 'youtube', 'analytics-api', 'estimatedMinutesWatched', 'watchTimeSeconds', 'day', 60, 'max', '2000-01-01T00:00:00Z', NULL, 'Reported in minutes; times 60 for seconds.'),
    (NULL, 'youtube', 'analytics-api', 'subscribersGained', 'followersGained', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Gross subscriptions gained that day (losses are a separate, unmapped metric).');

-- Instagram: Graph API media insights (lifetime per media), media node fields, user node fields, and the Insights CSV export.
-- Not mapped: total_interactions (derived from likes, comments, saves and shares; mapping it would count them twice).
-- Not mapped: ig_reels_avg_watch_time (an average, not a total); ig_reels_video_view_total_time (unit not confirmed in
--             PLATFORMS.md; add once verified).
-- Not mapped: profile_visits (a profile action, not engagement with the post); replies and navigation (story-only
--             actions with no canonical metric).
-- Not mapped: total_likes, total_comments, total_views, total_like_count, total_comments_count (include promoted/ad
--             engagement; the organic names below are the ones kept, so paid boosts do not look like organic growth).
-- Not mapped: carousel_album_* and engagement (deprecated 2023-12-11; no reliable canonical meaning across versions).
-- Not mapped: account-level /<IG_USER_ID>/insights (windowed account totals, not one post).
-- plays + clips_replays_count are the two parts of ig_reels_aggregated_all_plays_count: the parts are 'sum', the
-- aggregate is 'max', so a reading with all three takes the larger of (plays + replays) and the aggregate.
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'instagram', 'graph-insights', 'impressions', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-04-21T00:00:00Z', 'Deprecated in v22.0 and on all versions from 2025-04-21; replaced by views.'),
    (NULL, 'instagram', 'graph-insights', 'plays', 'views', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', '2025-04-21T00:00:00Z', 'Reels initial plays; deprecated 2025-04-21 for views; summed with clips_replays_count.'),
    (NULL, 'instagram', 'graph-insights', 'clips_replays_count', 'views', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', '2025-04-21T00:00:00Z', 'Reels replays after the initial play; deprecated 2025-04-21 for views; summed with plays.'),
    (NULL, 'instagram', 'graph-insights', 'ig_reels_aggregated_all_plays_count', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-04-21T00:00:00Z', 'Reels plays plus replays; deprecated 2025-04-21 for views.'),
    (NULL, 'instagram', 'graph-insights', 'views', 'views', 'lifetime', 1, 'max', '2024-07-02T00:00:00Z', NULL, 'Replaced impressions and plays (v22.0, all versions 2025-04-21); applies to media created from 2024-07-02, so accepted from then.'),
    (NULL, 'instagram', 'graph-insights', 'video_views', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-01-08T00:00:00Z', 'Media metric removed in v21.0 and on all versions from 2025-01-08.'),
    (NULL, 'instagram', 'graph-insights', 'reach', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Accounts reached; empty (not 0) while data is unavailable.'),
    (NULL, 'instagram', 'graph-insights', 'likes', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic likes only (total_likes adds ads and is not mapped).'),
    (NULL, 'instagram', 'graph-insights', 'comments', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic comments only (total_comments adds ads and is not mapped).'),
    (NULL, 'instagram', 'graph-insights', 'shares', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Media insights shares.'),
    (NULL, 'instagram', 'graph-insights', 'saved', 'saves', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Instagram names saves saved.'),
    (NULL, 'instagram', 'graph-insights', 'follows', 'followersGained', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Accounts that followed from this media.'),
    (NULL, 'instagram', 'graph-media-fields', 'like_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Media node counter; the same total as the likes insight, so the larger wins.'),
    (NULL, 'instagram', 'graph-media-fields', 'comments_count', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Media node counter; the same total as the comments insight, so the larger wins.'),
    (NULL, 'instagram', 'graph-user-fields', 'followers_count', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'IG user node: the account audience when the post was observed.'),
    -- Insights CSV export (one row per post, totals at export time). Not mapped: From Home, From Hashtags, From Explore,
    -- From Other (surface breakdowns that do not sum to Impressions), Profile Visits (profile action, not post
    -- engagement), Conversion Rate (derived ratio Follows / Profile Visits), Date, Caption, Hashtags (not metrics).
    (NULL, 'instagram', 'insights-export', 'Impressions', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-04-21T00:00:00Z', 'Pre-2025 Insights column, replaced by Views; observedAt must be the export time, not the import time.'),
    (NULL, 'instagram', 'insights-export', 'Views', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Insights column that replaced Impressions in 2024-2025.'),
    (NULL, 'instagram', 'insights-export', 'Reach', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Insights export reach column.'),
    (NULL, 'instagram', 'insights-export', 'Accounts reached', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Later export label for Reach.'),
    (NULL, 'instagram', 'insights-export', 'Likes', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Insights export column.'),
    (NULL, 'instagram', 'insights-export', 'Comments', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Insights export column.'),
    (NULL, 'instagram', 'insights-export', 'Shares', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Insights export column.'),
    (NULL, 'instagram', 'insights-export', 'Saves', 'saves', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Insights export column.'),
    (NULL, 'instagram', 'insights-export', 'Follows', 'followersGained', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Follows attributed to the post in the export.');

-- TikTok: Display API and Research API video counters are lifetime totals at fetch time; legacy/scraped names alongside.
-- Research API like_count, comment_count, share_count and view_count share the Display API rows below (same names).
-- Not mapped: duration (video length, not watch time); download_count, forward_count (scraped, no canonical metric).
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'tiktok', 'display-api', 'view_count', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Video object view_count (int64); same name in the Research API.'),
    (NULL, 'tiktok', 'display-api', 'like_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Video object like_count; same name in the Research API.'),
    (NULL, 'tiktok', 'display-api', 'comment_count', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Video object comment_count; same name in the Research API.'),
    (NULL, 'tiktok', 'display-api', 'share_count', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Video object share_count; same name in the Research API.'),
    (NULL, 'tiktok', 'display-api', 'follower_count', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'user.info stats: the account audience when the post was observed.'),
    (NULL, 'tiktok', 'research-api', 'favorites_count', 'saves', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Research API only: times the video was favorited.'),
    (NULL, 'tiktok', 'web-scrape', 'play_count', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Legacy/web name for view_count; often abbreviated (541.2K).'),
    (NULL, 'tiktok', 'web-scrape', 'digg_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Legacy/web name for like_count (a digg is a like).'),
    (NULL, 'tiktok', 'web-scrape', 'collect_count', 'saves', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Legacy/web name for favorites (collections).');

-- X (Twitter) API v2: all counts are lifetime totals at fetch time; non-public and organic metrics only for posts < 30 days old.
-- shares = retweet_count + quote_count ('sum'). impression_count moved from non_public_metrics to public_metrics (docs
-- disagree by version), so both spellings are kept as alternatives ('max').
-- organic_metrics.retweet_count is 'max', not 'sum': it is an alternative reading of the retweet part (organic has no
-- quote count), so it only wins when public retweets + quotes are missing or smaller.
-- Not mapped: user_profile_clicks (non_public/organic): clicks on the author profile, not on the post or its link, and
--             adding them to url_link_clicks would mix two different actions under clicks.
-- Not mapped: promoted_metrics.* (the paid part only; non_public_metrics already covers paid + organic).
-- Not mapped: non_public_metrics.playback_0_count .. playback_100_count (video quartile starts, not views or watch time).
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'x', 'public-metrics', 'public_metrics.retweet_count', 'shares', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'Retweets are one part of shares; added to quote_count.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.quote_count', 'shares', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'Quotes are the other part of shares; added to retweet_count.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.like_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Public like count.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.reply_count', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Replies are the comments of a post.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.bookmark_count', 'saves', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Bookmarks are saves; public since late 2022.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.impression_count', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Public since late 2022 (0 for older posts); alternative to non_public_metrics.impression_count.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.view_count', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Media object (video) view count.'),
    (NULL, 'x', 'public-metrics', 'public_metrics.followers_count', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'User object: the account audience when the post was observed.'),
    (NULL, 'x', 'non-public-metrics', 'non_public_metrics.impression_count', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Older doc versions list impressions here; same total as the public one.'),
    (NULL, 'x', 'non-public-metrics', 'non_public_metrics.url_link_clicks', 'clicks', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Clicks on the post link; owner-only, posts under 30 days old.'),
    (NULL, 'x', 'organic-metrics', 'organic_metrics.impression_count', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic part only, never above the total; an alternative reading.'),
    (NULL, 'x', 'organic-metrics', 'organic_metrics.like_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic part only, never above the total; an alternative reading.'),
    (NULL, 'x', 'organic-metrics', 'organic_metrics.reply_count', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic part only, never above the total; an alternative reading.'),
    (NULL, 'x', 'organic-metrics', 'organic_metrics.retweet_count', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic retweets, no quotes: an alternative, so it never adds to public retweets.'),
    (NULL, 'x', 'organic-metrics', 'organic_metrics.url_link_clicks', 'clicks', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic part only, never above the total; an alternative reading.'),
    (NULL, 'x', 'public-metrics', 'retweet_count', 'shares', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'Flattened public_metrics.retweet_count; added to quote_count.'),
    (NULL, 'x', 'public-metrics', 'quote_count', 'shares', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'Flattened public_metrics.quote_count; added to retweet_count.'),
    (NULL, 'x', 'public-metrics', 'like_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened public_metrics.like_count.'),
    (NULL, 'x', 'public-metrics', 'reply_count', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened public_metrics.reply_count.'),
    (NULL, 'x', 'public-metrics', 'bookmark_count', 'saves', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened public_metrics.bookmark_count.'),
    (NULL, 'x', 'public-metrics', 'impression_count', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened impression_count, public or non-public alike.'),
    (NULL, 'x', 'non-public-metrics', 'url_link_clicks', 'clicks', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened url_link_clicks.'),
    (NULL, 'x', 'public-metrics', 'view_count', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened media public_metrics.view_count.'),
    (NULL, 'x', 'public-metrics', 'followers_count', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Flattened user public_metrics.followers_count.');

-- LinkedIn: organization share statistics (lifetime when requested without timeIntervals), member creator post
-- analytics (TOTAL aggregation), socialActions summaries. Time-bound (DAY/MONTH) variants need their own spelling: none seeded.
-- Not mapped: engagement / totalShareStatistics.engagement (a ratio, not a count).
-- Not mapped: commentsSummary.totalFirstLevelComments (a subset of aggregatedTotalComments: replies excluded).
-- Not mapped: likesSummary.likedByCurrentUser (a flag).
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'linkedin', 'share-statistics', 'impressionCount', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organic only; rolling 12-month data window.'),
    (NULL, 'linkedin', 'share-statistics', 'totalShareStatistics.impressionCount', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as impressionCount under its nested path.'),
    (NULL, 'linkedin', 'share-statistics', 'uniqueImpressionsCount', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Unique impressions are reach.'),
    (NULL, 'linkedin', 'share-statistics', 'totalShareStatistics.uniqueImpressionsCount', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as uniqueImpressionsCount under its nested path.'),
    (NULL, 'linkedin', 'share-statistics', 'likeCount', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organization share statistics likes.'),
    (NULL, 'linkedin', 'share-statistics', 'totalShareStatistics.likeCount', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as likeCount under its nested path.'),
    (NULL, 'linkedin', 'share-statistics', 'commentCount', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organization share statistics comments.'),
    (NULL, 'linkedin', 'share-statistics', 'totalShareStatistics.commentCount', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as commentCount under its nested path.'),
    (NULL, 'linkedin', 'share-statistics', 'shareCount', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organization share statistics reshares.'),
    (NULL, 'linkedin', 'share-statistics', 'totalShareStatistics.shareCount', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as shareCount under its nested path.'),
    (NULL, 'linkedin', 'share-statistics', 'clickCount', 'clicks', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Organization share statistics clicks.'),
    (NULL, 'linkedin', 'share-statistics', 'totalShareStatistics.clickCount', 'clicks', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Same as clickCount under its nested path.'),
    (NULL, 'linkedin', 'member-post-analytics', 'IMPRESSION', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'memberCreatorPostAnalytics, total aggregation.'),
    (NULL, 'linkedin', 'member-post-analytics', 'MEMBERS_REACHED', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Post viewers or unique impressions.'),
    (NULL, 'linkedin', 'member-post-analytics', 'RESHARE', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'memberCreatorPostAnalytics, total aggregation.'),
    (NULL, 'linkedin', 'member-post-analytics', 'REACTION', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'All reaction types count as likes.'),
    (NULL, 'linkedin', 'member-post-analytics', 'COMMENT', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'memberCreatorPostAnalytics, total aggregation.'),
    (NULL, 'linkedin', 'social-actions', 'likesSummary.totalLikes', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Field name varies by version; alternative to aggregatedTotalLikes.'),
    (NULL, 'linkedin', 'social-actions', 'likesSummary.aggregatedTotalLikes', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Field name varies by version; alternative to totalLikes.'),
    (NULL, 'linkedin', 'social-actions', 'commentsSummary.aggregatedTotalComments', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'All comments including replies.'),
    (NULL, 'linkedin', 'organization-followers', 'followerCount', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'The organization or member audience when the post was observed.');

-- Facebook Page post insights (period lifetime unless sent as '<metric>:<period>'), post node counters, Page audience.
-- post_media_view is accepted from 2025-08-15, when Meta announced the views replacement: the name only ever meant views,
-- so accepting it early loses nothing, and it overlaps post_impressions only under a different canonical name.
-- post_impressions_unique ends on 2025-06-15 as the current deprecated-metrics page says; another doc page says
-- 2026-06-15, so a workspace still receiving it can extend it with its own row.
-- Reactions by type are parts of the total reactions ('sum'); reactions.summary.total_count is the same total ('max').
-- sorry and anger are summed too, because the total_count alternative includes them anyway.
-- Not mapped: post_impressions_paid, post_impressions_organic, post_impressions_fan and their *_unique forms (breakdowns
--             of post_impressions; paid + organic does not equal the total for unique counts).
-- Not mapped: post_engaged_users, page_consumptions and the other metrics removed on 2024-03-14.
-- Not mapped: page_impressions, page_media_view and other page-level totals (the whole Page, not one post).
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'facebook', 'page-post-insights', 'post_impressions', 'impressions', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-11-15T00:00:00Z', 'Deprecated on all versions 2025-11-15, replaced by post_media_view.'),
    (NULL, 'facebook', 'page-post-insights', 'post_impressions:day', 'impressions', 'day', 1, 'max', '2000-01-01T00:00:00Z', '2025-11-15T00:00:00Z', 'Daily post_impressions; deprecated 2025-11-15.'),
    (NULL, 'facebook', 'page-post-insights', 'post_impressions:days_28', 'impressions', 'days_28', 1, 'max', '2000-01-01T00:00:00Z', '2025-11-15T00:00:00Z', '28-day post_impressions; deprecated 2025-11-15.'),
    (NULL, 'facebook', 'page-post-insights', 'post_media_view', 'views', 'lifetime', 1, 'max', '2025-08-15T00:00:00Z', NULL, 'Replaces post_impressions (announced 2025-08-15, in force 2025-11-15); counts repeat views.'),
    (NULL, 'facebook', 'page-post-insights', 'post_media_view:day', 'views', 'day', 1, 'max', '2025-08-15T00:00:00Z', NULL, 'Daily post_media_view.'),
    (NULL, 'facebook', 'page-post-insights', 'post_media_view:days_28', 'views', 'days_28', 1, 'max', '2025-08-15T00:00:00Z', NULL, '28-day post_media_view.'),
    (NULL, 'facebook', 'page-post-insights', 'post_impressions_unique', 'reach', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-06-15T00:00:00Z', 'Replaced by post_total_media_view_unique by 2025-06-15 (one doc page says 2026).'),
    (NULL, 'facebook', 'page-post-insights', 'post_total_media_view_unique', 'reach', 'lifetime', 1, 'max', '2025-06-15T00:00:00Z', NULL, 'Replacement for post_impressions_unique.'),
    (NULL, 'facebook', 'page-post-insights', 'post_clicks', 'clicks', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Clicks anywhere on the post.'),
    (NULL, 'facebook', 'page-post-insights', 'post_clicks:day', 'clicks', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Daily post_clicks.'),
    (NULL, 'facebook', 'page-post-insights', 'post_clicks:days_28', 'clicks', 'days_28', 1, 'max', '2000-01-01T00:00:00Z', NULL, '28-day post_clicks.'),
    (NULL, 'facebook', 'page-post-insights', 'post_video_views', 'views', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Video posts; 0 for reshared videos; alternative to post_media_view.'),
    (NULL, 'facebook', 'page-post-insights', 'post_reactions_by_type_total.like', 'likes', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'One reaction type; summed with the others into likes.'),
    (NULL, 'facebook', 'page-post-insights', 'post_reactions_by_type_total.love', 'likes', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'One reaction type; summed with the others into likes.'),
    (NULL, 'facebook', 'page-post-insights', 'post_reactions_by_type_total.wow', 'likes', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'One reaction type; summed with the others into likes.'),
    (NULL, 'facebook', 'page-post-insights', 'post_reactions_by_type_total.haha', 'likes', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'One reaction type; summed with the others into likes.'),
    (NULL, 'facebook', 'page-post-insights', 'post_reactions_by_type_total.sorry', 'likes', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'One reaction type (sad); summed so the sum matches reactions.summary.total_count.'),
    (NULL, 'facebook', 'page-post-insights', 'post_reactions_by_type_total.anger', 'likes', 'lifetime', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'One reaction type (angry); summed so the sum matches reactions.summary.total_count.'),
    (NULL, 'facebook', 'graph-post-fields', 'reactions.summary.total_count', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'All reactions on the post node; the same total as the by-type sum.'),
    (NULL, 'facebook', 'graph-post-fields', 'comments.summary.total_count', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Comment count from the post node summary.'),
    (NULL, 'facebook', 'graph-post-fields', 'shares.count', 'shares', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Share count on the post node (may include shares later deleted).'),
    (NULL, 'facebook', 'graph-page-fields', 'followers_count', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Page node: the Page audience when the post was observed.'),
    (NULL, 'facebook', 'page-insights', 'page_follows', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Page followers; replaced page_fans on 2025-11-15.'),
    (NULL, 'facebook', 'page-insights', 'page_fans', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', '2025-11-15T00:00:00Z', 'Page likes as audience; renamed page_follows on 2025-11-15.');

-- Pinterest API v5 pin analytics: daily_metrics are per day (scope day); lifetime_metrics arrive as lifetime_metrics.<NAME>.
-- PIN_CLICK (close-up or on-Pinterest clicks) and OUTBOUND_CLICK (clicks to the destination URL) are added into clicks.
-- Not mapped: summary_metrics.* (a total over the requested window, which is none of our scopes).
-- Not mapped: SAVE_RATE (a fraction); VIDEO_AVG_WATCH_TIME (an average); VIDEO_V50_WATCH_TIME (total play time, but the
--             API does not state its unit, so no multiplier can be trusted).
-- Not mapped: VIDEO_10S_VIEW, QUARTILE_95_PERCENT_VIEW, VIDEO_START (other view definitions than VIDEO_MRC_VIEW).
-- Not mapped: PROFILE_VISIT (a profile action, not post engagement).
-- Not mapped: bare TOTAL_COMMENTS / TOTAL_REACTIONS in daily_metrics (unclear whether a day count or a running total;
--             the lifetime_metrics spelling is the reliable one).
INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note) VALUES
    (NULL, 'pinterest', 'pin-analytics', 'IMPRESSION', 'impressions', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'daily_metrics; check data_status (PROCESSING or ESTIMATE days may change).'),
    (NULL, 'pinterest', 'pin-analytics', 'SAVE', 'saves', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'daily_metrics saves.'),
    (NULL, 'pinterest', 'pin-analytics', 'PIN_CLICK', 'clicks', 'day', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'Clicks opening the Pin; added to OUTBOUND_CLICK.'),
    (NULL, 'pinterest', 'pin-analytics', 'OUTBOUND_CLICK', 'clicks', 'day', 1, 'sum', '2000-01-01T00:00:00Z', NULL, 'Clicks to the destination URL; added to PIN_CLICK.'),
    (NULL, 'pinterest', 'pin-analytics', 'VIDEO_MRC_VIEW', 'views', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Video views (at least 2 s with half the video on screen).'),
    (NULL, 'pinterest', 'pin-analytics', 'USER_FOLLOW', 'followersGained', 'day', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Follows from the Pin that day (Idea pins only before 2023-03-20).'),
    (NULL, 'pinterest', 'pin-analytics', 'lifetime_metrics.TOTAL_COMMENTS', 'comments', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Lifetime comments (Video/Idea pins only before 2023-03-20).'),
    (NULL, 'pinterest', 'pin-analytics', 'lifetime_metrics.TOTAL_REACTIONS', 'likes', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'Lifetime reactions count as likes.'),
    (NULL, 'pinterest', 'user-account', 'follower_count', 'followers', 'lifetime', 1, 'max', '2000-01-01T00:00:00Z', NULL, 'user_account follower_count: the account audience when the post was observed.');
