using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CreatorMeta.Tracking.Apis;

/// <summary>
/// Keyset pagination. The cursor is the sort key of the last item served — (relevance, created-at, id) for text
/// searches, (created-at, id) otherwise — opaque to clients, so pages stay stable while new assets arrive.
/// </summary>
public static class Pagination
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public readonly record struct Position(float? Rank, DateTimeOffset CreatedAt, Guid Id);

    public static int Parse(int? limit, string? cursor, out Position? after, Dictionary<string, string[]> errors)
    {
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

    public static string Cursor(Position position)
    {
        var rank = position.Rank is { } r ? BitConverter.SingleToInt32Bits(r).ToString(CultureInfo.InvariantCulture) : "";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{rank}:{position.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{position.Id:N}"));
    }

    private static Position? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length != 3 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParseExact(parts[2], "N", out var id))
                return null;
            float? rank = parts[0].Length == 0 ? null
                : int.TryParse(parts[0], CultureInfo.InvariantCulture, out var bits) ? BitConverter.Int32BitsToSingle(bits) : float.NaN;
            return rank is float.NaN ? null : new Position(rank, new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
