using System.Globalization;

namespace Mediaflow.Storage.Http;

/// <summary>One satisfiable byte range of an object (inclusive <see cref="End"/>).</summary>
internal readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    /// <summary>
    /// Parses <c>bytes=a-b</c>, <c>bytes=a-</c> and <c>bytes=-n</c> against an object of <paramref name="size"/> bytes.
    /// Null when there is no header or it is not a single byte range (S3 then serves the whole object);
    /// throws InvalidRange when the range cannot be satisfied.
    /// </summary>
    public static ByteRange? Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || spec.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!TryParse(last, out var suffix))
            {
                return null;
            }

            if (suffix == 0 || size == 0)
            {
                throw Unsatisfiable();
            }

            return new ByteRange(Math.Max(0, size - suffix), size - 1);
        }

        if (!TryParse(first, out var start))
        {
            return null;
        }

        long end = size - 1;
        if (last.Length > 0)
        {
            if (!TryParse(last, out end) || end < start)
            {
                return null;
            }
        }

        if (start >= size)
        {
            throw Unsatisfiable();
        }

        return new ByteRange(start, Math.Min(end, size - 1));
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static StorageException Unsatisfiable() => new(StorageErrorCode.InvalidRange);
}
