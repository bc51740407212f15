using Mediaflow.Storage.Objects;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

internal sealed partial class DiskObjectStore
{
    private const int ListBatch = 1000;

    /// <summary>
    /// Keys in byte order under <paramref name="prefix"/>, after <paramref name="marker"/> (exclusive), with keys that
    /// contain <paramref name="delimiter"/> after the prefix rolled up into common prefixes; at most
    /// <paramref name="maxKeys"/> entries (keys + prefixes).
    /// </summary>
    internal async Task<ListPage> ListObjectsAsync(
        long appId, string bucket, string prefix, string? delimiter, string? marker, int maxKeys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var region = (await ResolveBucketAsync(db, appId, bucket, cancellationToken)).Region;
        var contents = new List<ObjectVersion>();
        var prefixes = new List<string>();
        var hasDelimiter = !string.IsNullOrEmpty(delimiter);

        // A marker that is itself a common prefix resumes after every key under it.
        string? skip = hasDelimiter && marker is not null && marker.StartsWith(prefix, StringComparison.Ordinal)
            && marker.EndsWith(delimiter!, StringComparison.Ordinal) ? marker : null;
        var cursor = marker is not null && string.CompareOrdinal(marker, prefix) >= 0 ? marker : null;
        var lastReturned = (string?)null;

        while (true)
        {
            var query = db.Objects.AsNoTracking().Where(o => o.Bucket == bucket);
            query = cursor is null
                ? query.Where(o => string.Compare(o.Key, prefix) >= 0)
                : query.Where(o => string.Compare(o.Key, cursor) > 0);
            var batch = await query.OrderBy(o => o.Key).Take(ListBatch).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                cursor = row.Key;
                if (!row.Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return new ListPage(contents, prefixes, false, lastReturned);
                }

                if (skip is not null && row.Key.StartsWith(skip, StringComparison.Ordinal))
                {
                    continue;
                }

                var cut = hasDelimiter ? row.Key.IndexOf(delimiter!, prefix.Length, StringComparison.Ordinal) : -1;
                var entry = cut >= 0 ? row.Key[..(cut + delimiter!.Length)] : null;
                if (contents.Count + prefixes.Count >= maxKeys)
                {
                    return new ListPage(contents, prefixes, true, lastReturned);
                }

                if (entry is not null)
                {
                    prefixes.Add(entry);
                    skip = entry;
                    lastReturned = entry;
                }
                else
                {
                    contents.Add(ToVersion(row, region));
                    lastReturned = row.Key;
                }
            }

            if (batch.Count < ListBatch)
            {
                return new ListPage(contents, prefixes, false, lastReturned);
            }
        }
    }
}
