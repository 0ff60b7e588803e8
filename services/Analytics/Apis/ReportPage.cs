using System.Globalization;
using System.Text;
using static System.FormattableString;
using static System.Net.WebUtility;

namespace CreatorMeta.Analytics.Apis;

/// <summary>The report as one self-contained HTML page: the same numbers as the JSON, drawn where a picture says more.</summary>
public static class ReportPage
{
    /// <summary>At most this many effects per forest plot: the most certain ones (by q, then p); the JSON has them all.</summary>
    public const int MaxEffectsDrawn = 40;

    public static string Render(AnalyticsReport report)
    {
        var trends = report.Trends;
        var fit = trends.Model.Fit;
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CreatorMeta report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:72rem}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.note{color:#57606a;font-size:.9rem;max-width:60rem}
            </style></head><body>
            """);
        page.Append(Invariant($"<h1>What drives your engagement</h1><p class=\"note\">{Scope(report)} — {trends.Posts:N0} posts with a {HtmlEncode(trends.Metric)}, generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC.</p>"));

        page.Append("<h2>Effects with everything else held equal</h2>");
        page.Append($"<p class=\"note\">{HtmlEncode(trends.Model.Method)}</p>");
        if (fit.NotFitted is { } why)
            page.Append($"<p>{HtmlEncode(why)}</p>");
        else
            page.Append(Charts.ForestPlot(MostCertain(fit.Terms.Select(t => (new Charts.Effect(t.Term, t.Estimate, t.Low, t.High, t.Q), t.P)))));

        page.Append("<h2>Each attribute value against the rest</h2>");
        page.Append($"<p class=\"note\">{HtmlEncode(trends.Method)}</p>");
        page.Append(Charts.ForestPlot(MostCertain(trends.Effects.Where(e => e.Q is not null)
            .Select(e => (new Charts.Effect($"{e.Attribute}={e.Value} (n={e.N})", e.Lift!.Value, e.Low!.Value, e.High!.Value, e.Q), e.P!.Value)))));
        var untested = trends.Effects.Count(e => e.Q is null);
        if (untested > 0)
            page.Append(Invariant($"<p class=\"note\">{untested} values are not tested: not enough data (fewer than {trends.MinPosts} assets with or without them).</p>"));

        page.Append("<h2>Best times to post</h2><p class=\"note\">By the baseline score, whatever the metric above: the research's hours are on that scale.</p>");
        foreach (var times in report.BestTimes)
        {
            page.Append(Invariant($"<h3>{HtmlEncode(times.Platform)}</h3><p class=\"note\">{HtmlEncode(times.Basis)} Darker is better; the three best hours are outlined.</p>"));
            page.Append(Charts.Heatmap(times));
        }
        if (report.BestTimes.Count == 0)
            page.Append("<p>No scored posts yet.</p>");

        page.Append(Invariant($"<h2>Top and bottom posts by {HtmlEncode(report.Top.Metric)}</h2>"));
        foreach (var (title, posts) in new[] { ("Top", report.Top.Top), ("Bottom", report.Top.Bottom) })
        {
            page.Append(Invariant($"<h3>{title}</h3><table><tr><th>platform</th><th>account</th><th>published</th><th>{HtmlEncode(report.Top.Metric)}</th><th>kind</th><th>topics</th></tr>"));
            foreach (var p in posts)
                page.Append(Invariant($"<tr><td>{HtmlEncode(p.Platform)}</td><td>{HtmlEncode(p.Account)}</td><td>{p.PublishedAt:yyyy-MM-dd HH:mm}</td><td class=\"n\">{p.Value:0.####}</td><td>{HtmlEncode(p.Kind)}</td><td>{HtmlEncode(string.Join(", ", p.Topics))}</td></tr>"));
            page.Append("</table>");
        }

        page.Append("<h2>Platforms compared</h2><p class=\"note\">The median score is each post against your own posts on its platform, so 0.5 is par everywhere.</p>");
        page.Append("<table><tr><th>platform</th><th>posts</th><th>assets</th><th>accounts</th><th>removed</th><th>median score</th><th>median engagement rate</th><th>rate definition</th></tr>");
        foreach (var p in report.Platforms.Platforms)
            page.Append(Invariant($"<tr><td>{HtmlEncode(p.Platform)}</td><td class=\"n\">{p.Publications:N0}</td><td class=\"n\">{p.Assets:N0}</td><td class=\"n\">{p.Accounts}</td><td class=\"n\">{p.Removed}</td><td class=\"n\">{p.MedianScore:0.###}</td><td class=\"n\">{p.MedianEngagementRate:0.####}</td><td>{HtmlEncode(string.Join("; ", (p.EngagementRateDefinitions ?? []).Select(d => d.Definition)))}</td></tr>"));
        return page.Append("</table></body></html>").ToString();
    }

    private static IReadOnlyList<Charts.Effect> MostCertain(IEnumerable<(Charts.Effect Effect, double P)> effects) =>
        [.. effects.OrderBy(e => e.Effect.Q).ThenBy(e => e.P).Take(MaxEffectsDrawn).Select(e => e.Effect).OrderByDescending(e => e.Estimate)];

    private static string Scope(AnalyticsReport report) =>
        string.Join(", ", new[]
        {
            report.Platform is { } platform ? HtmlEncode(platform) : "all platforms",
            report.Account is { } account ? HtmlEncode(account) : "all accounts",
            Invariant($"published {report.From?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "any time"} to {report.To?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "now"}"),
        });

}
