using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CreatorMeta.Tracking.Apis;

/// <summary>Keyset pagination: the cursor is the (created-at, id) of the last item served, opaque to clients.</summary>
public static class Pagination
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public readonly record struct Position(DateTimeOffset CreatedAt, Guid Id);

    public static int Parse(int? limit, string? cursor, out Position? after, out Dictionary<string, string[]> errors)
    {
        errors = [];
        after = null;
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        if (cursor is not null)
        {
            after = Decode(cursor);
            if (after is null)
                errors["cursor"] = ["The cursor is not one this API issued."];
        }
        return limit ?? DefaultLimit;
    }

    public static string Cursor(DateTimeOffset createdAt, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id:N}"));

    private static Position? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && Guid.TryParseExact(parts[1], "N", out var id)
                ? new Position(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
