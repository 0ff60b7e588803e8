using System.Globalization;
using System.Text;
using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.BestTimes;
using static System.FormattableString;
using static System.Net.WebUtility;

namespace CreatorMeta.Analytics.Apis;

/// <summary>
/// The report's pictures as SVG: what each number means is in the picture's own text and in each mark's title (shown on
/// hover), so the page needs no script. All text a creator wrote (topics, handles) is encoded.
/// </summary>
public static class Charts
{
    /// <summary>One row of a forest plot: a label, the estimate and its 95 % interval, and its q-value.</summary>
    public sealed record Effect(string Label, double Estimate, double Low, double High, double? Q);

    private const int LabelWidth = 240, PlotWidth = 560, RowHeight = 18, Margin = 24;

    /// <summary>
    /// Effects as a forest plot: a dot at each estimate on a line across its interval, against a line at zero (no effect).
    /// Green or red where q &lt; 0.05 (up or down, after the correction for how many were tested), grey otherwise.
    /// </summary>
    public static string ForestPlot(IReadOnlyList<Effect> effects)
    {
        if (effects.Count == 0)
            return "<p>Nothing was tested: not enough data.</p>";
        var low = Math.Min(0, effects.Min(e => e.Low));
        var high = Math.Max(0, effects.Max(e => e.High));
        var pad = (high - low) * 0.05 + 1e-9;
        (low, high) = (low - pad, high + pad);
        double X(double v) => LabelWidth + (v - low) / (high - low) * PlotWidth;
        var height = Margin * 2 + effects.Count * RowHeight;
        var svg = new StringBuilder(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"forest\" width=\"{LabelWidth + PlotWidth + Margin}\" height=\"{height}\" role=\"img\">"));
        svg.Append(Invariant($"<line x1=\"{X(0):0.#}\" y1=\"{Margin - 6}\" x2=\"{X(0):0.#}\" y2=\"{height - Margin + 6}\" stroke=\"#57606a\" stroke-dasharray=\"3 3\"/>"));
        svg.Append(Invariant($"<text x=\"{X(0):0.#}\" y=\"{Margin - 10}\" text-anchor=\"middle\" font-size=\"11\">0 (no effect)</text>"));
        foreach (var tick in new[] { low + pad, high - pad })
            svg.Append(Invariant($"<text x=\"{X(tick):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" font-size=\"11\">{tick:+0.000;-0.000}</text>"));
        for (var i = 0; i < effects.Count; i++)
        {
            var e = effects[i];
            var y = Margin + i * RowHeight + RowHeight / 2.0;
            var color = e.Q is < 0.05 ? (e.Estimate > 0 ? "#1a7f37" : "#cf222e") : "#8c959f";
            var title = HtmlEncode(Invariant($"{e.Label}: {e.Estimate:+0.000;-0.000} (95 % {e.Low:0.000} to {e.High:0.000})")
                + (e.Q is { } q ? Invariant($", q = {q:0.####}") : ""));
            svg.Append(Invariant($"<g><title>{title}</title>"));
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\">{HtmlEncode(e.Label)}</text>"));
            svg.Append(Invariant($"<line x1=\"{X(e.Low):0.#}\" y1=\"{y:0.#}\" x2=\"{X(e.High):0.#}\" y2=\"{y:0.#}\" stroke=\"{color}\" stroke-width=\"2\"/>"));
            svg.Append(Invariant($"<circle cx=\"{X(e.Estimate):0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{color}\"/></g>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private const int Cell = 26, CellHeight = 20, DayLabelWidth = 90, HoursTop = 20;

    /// <summary>
    /// A platform's 168 hours as a weekday × hour grid, darker where the estimate is higher (scaled between this
    /// platform's lowest and highest estimate); the three best hours are outlined, and each cell's title gives its
    /// estimate, interval and how many of the creator's posts are behind it.
    /// </summary>
    public static string Heatmap(BestTimesResponse times)
    {
        var min = times.Slots.Min(s => s.Estimate);
        var max = times.Slots.Max(s => s.Estimate);
        var best = times.Best.Take(3).Select(s => (s.Weekday, s.Hour)).ToHashSet();
        var svg = new StringBuilder(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" width=\"{DayLabelWidth + 24 * Cell + 4}\" height=\"{HoursTop + 7 * CellHeight + 4}\" role=\"img\">"));
        for (var hour = 0; hour < 24; hour += 3)
            svg.Append(Invariant($"<text x=\"{DayLabelWidth + hour * Cell + Cell / 2}\" y=\"14\" text-anchor=\"middle\" font-size=\"11\">{hour:00}:00</text>"));
        foreach (var day in Enum.GetValues<DayOfWeek>())
            svg.Append(Invariant($"<text x=\"{DayLabelWidth - 8}\" y=\"{HoursTop + (int)day * CellHeight + 14}\" text-anchor=\"end\" font-size=\"12\">{day}</text>"));
        foreach (var s in times.Slots)
        {
            var share = max > min ? (s.Estimate - min) / (max - min) : 0.5;
            var title = Invariant($"{s.Weekday} {s.Hour:00}:00 — estimate {s.Estimate:0.000} (95 % {s.Low:0.000} to {s.High:0.000}), {s.Posts} of your posts, research prior {s.Prior:0.000}");
            var outline = best.Contains((s.Weekday, s.Hour)) ? " stroke=\"#000\" stroke-width=\"2\"" : "";
            svg.Append(Invariant($"<rect x=\"{DayLabelWidth + s.Hour * Cell}\" y=\"{HoursTop + (int)s.Weekday * CellHeight}\" width=\"{Cell - 1}\" height=\"{CellHeight - 1}\" fill=\"{Shade(share)}\"{outline}><title>{HtmlEncode(title)}</title></rect>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>From a pale to a deep blue: 0 is the platform's weakest hour, 1 its strongest.</summary>
    private static string Shade(double share)
    {
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * share);
        return $"#{Mix(0xf7, 0x08):x2}{Mix(0xfb, 0x30):x2}{Mix(0xff, 0x6b):x2}";
    }
}
