using System.Runtime.InteropServices;

namespace CreatorMeta.Contracts.Unicode;

/// <summary>
/// Unicode's compatibility normal form (NFKC): a full-width "ｃａｆé" is "café", "ﬁ" is "fi", a Thai SARA AM is its two
/// parts. Every service runs in .NET's invariant globalization mode (no culture data, ordinal string operations
/// everywhere), where <c>string.Normalize</c> leaves non-ASCII text as it is; so NFKC is asked of ICU itself, the
/// library .NET would use, through its C API. ICU names its symbols by version (<c>unorm2_normalize_72</c>), so the
/// newest installed one is found at first use.
/// </summary>
public static unsafe class CompatibilityForm
{
    private const int BufferOverflow = 15; // U_BUFFER_OVERFLOW_ERROR; errors are positive, warnings negative

    private sealed class Icu(nint normalizer, nint normalize)
    {
        public nint Normalizer { get; } = normalizer;
        public delegate* unmanaged[Cdecl]<nint, char*, int, char*, int, int*, int> Normalize { get; } =
            (delegate* unmanaged[Cdecl]<nint, char*, int, char*, int, int*, int>)normalize;
    }

    private static readonly Lazy<Icu> Library = new(Load);

    /// <summary>
    /// Loads ICU now, so a service without it stops at start with the reason, instead of failing the first request or
    /// message that holds non-ASCII text.
    /// </summary>
    public static void EnsureAvailable() => _ = Library.Value;

    /// <summary>The text in NFKC; it must be well-formed UTF-16.</summary>
    public static string Of(string text)
    {
        if (System.Text.Ascii.IsValid(text))
            return text; // ASCII is its own NFKC
        var icu = Library.Value;
        var capacity = text.Length * 2 + 16;
        while (true)
        {
            var buffer = new char[capacity];
            int length, error = 0;
            fixed (char* source = text)
            fixed (char* destination = buffer)
                length = icu.Normalize(icu.Normalizer, source, text.Length, destination, capacity, &error);
            if (error == BufferOverflow)
            {
                capacity = length + 1;
                continue;
            }
            if (error > 0)
                throw new InvalidOperationException($"ICU could not normalize text (error {error}).");
            return new string(buffer, 0, length);
        }
    }

    /// <summary>False for half of a surrogate pair: not text (no normal form, no spelling, no tag).</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        return true;
    }

    private static Icu Load()
    {
        foreach (var version in Enumerable.Range(50, 40).Reverse())
            if (NativeLibrary.TryLoad($"libicuuc.so.{version}", out var library)
                && NativeLibrary.TryGetExport(library, $"unorm2_getNFKCInstance_{version}", out var getInstance)
                && NativeLibrary.TryGetExport(library, $"unorm2_normalize_{version}", out var normalize))
            {
                var error = 0;
                var normalizer = ((delegate* unmanaged[Cdecl]<int*, nint>)getInstance)(&error);
                if (error > 0 || normalizer == 0)
                    throw new InvalidOperationException($"ICU {version} has no NFKC normalizer (error {error}).");
                return new Icu(normalizer, normalize);
            }
        throw new DllNotFoundException("ICU (libicuuc) is needed for Unicode normalization: scripts/prerequisites.sh installs it (libicu72).");
    }
}
