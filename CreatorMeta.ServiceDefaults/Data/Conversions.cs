using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CreatorMeta.ServiceDefaults.Data;

/// <summary>Value conversions for columns that hold JSON or enum names, shared by the services' EF models.</summary>
public static class Conversions
{
    public static ValueConverter<List<T>, string> JsonList<T>() => new(
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
        text => JsonSerializer.Deserialize<List<T>>(text, JsonSerializerOptions.Web) ?? new());

    /// <summary>For lists a domain method replaces whole rather than changes in place: a new list is a change.</summary>
    public static ValueComparer<List<T>> Replaced<T>() => new((a, b) => ReferenceEquals(a, b), list => list.Count, list => list);

    public static ValueConverter<T, string> LowerCase<T>() where T : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), text => Enum.Parse<T>(text, true));

    public static ValueConverter<Dictionary<string, T>, string> Json<T>() => new(
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
        text => JsonSerializer.Deserialize<Dictionary<string, T>>(text, JsonSerializerOptions.Default) ?? new());

    // The comparer's expressions call plain methods: a lambda nested in a compiled expression is turned into a new
    // delegate on every call, and change detection calls these for every tracked row.
    public static ValueComparer<Dictionary<string, T>> DictionaryComparer<T>() => new(
        (a, b) => SameEntries(a!, b!), d => HashOf(d), d => new Dictionary<string, T>(d));

    public static bool SameEntries<T>(Dictionary<string, T> a, Dictionary<string, T> b) => a.Count == b.Count && !a.Except(b).Any();

    public static int HashOf<T>(Dictionary<string, T> d)
    {
        var hash = 0;
        foreach (var (key, value) in d)
            hash ^= HashCode.Combine(key, value);
        return hash;
    }
}
