namespace Mediaflow.Storage.Objects;

/// <summary>
/// One page of ListMultipartUploads: uploads in key order (initiation order within a key) and the common prefixes the
/// delimiter rolled up, together at most max-uploads entries. <see cref="NextKeyMarker"/> / <see cref="NextUploadIdMarker"/>
/// name the last entry returned (a common prefix has no upload id); passing them back resumes after it.
/// </summary>
internal sealed record MultipartUploadPage(
    IReadOnlyList<MultipartUploadInfo> Uploads,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? NextKeyMarker,
    string? NextUploadIdMarker)
{
    /// <summary>
    /// Pages <paramref name="ordered"/> (all uploads of the bucket, key then initiation order) per S3: under
    /// <paramref name="prefix"/>; after <paramref name="keyMarker"/> — with <paramref name="uploadIdMarker"/>, the later
    /// uploads of that key first, else only greater keys (a marker that is a common prefix skips every key under it);
    /// keys holding <paramref name="delimiter"/> after the prefix rolled up.
    /// </summary>
    public static MultipartUploadPage Of(
        IReadOnlyList<MultipartUploadInfo> ordered, string prefix, string? delimiter, string? keyMarker, string? uploadIdMarker, int maxUploads)
    {
        if (maxUploads <= 0)
        {
            return new MultipartUploadPage([], [], false, null, null);
        }

        var hasDelimiter = !string.IsNullOrEmpty(delimiter);
        var markerIndex = !string.IsNullOrEmpty(keyMarker) && !string.IsNullOrEmpty(uploadIdMarker)
            ? IndexOf(ordered, keyMarker, uploadIdMarker)
            : -1;
        var skip = hasDelimiter && !string.IsNullOrEmpty(keyMarker) && keyMarker.StartsWith(prefix, StringComparison.Ordinal)
            && keyMarker.EndsWith(delimiter!, StringComparison.Ordinal) ? keyMarker : null;
        var uploads = new List<MultipartUploadInfo>();
        var prefixes = new List<string>();
        (string Key, string? UploadId)? last = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var upload = ordered[i];
            if (!upload.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(keyMarker))
            {
                var order = string.CompareOrdinal(upload.Key, keyMarker);
                var after = order > 0 || (order == 0 && markerIndex >= 0 && i > markerIndex);
                if (!after || (skip is not null && upload.Key.StartsWith(skip, StringComparison.Ordinal)))
                {
                    continue;
                }
            }

            var cut = hasDelimiter ? upload.Key.IndexOf(delimiter!, prefix.Length, StringComparison.Ordinal) : -1;
            var rolled = cut >= 0 ? upload.Key[..(cut + delimiter!.Length)] : null;
            if (rolled is not null && prefixes.Count > 0 && prefixes[^1] == rolled)
            {
                continue;
            }

            if (uploads.Count + prefixes.Count >= maxUploads)
            {
                return new MultipartUploadPage(uploads, prefixes, true, last?.Key, last?.UploadId);
            }

            if (rolled is not null)
            {
                prefixes.Add(rolled);
                last = (rolled, null);
            }
            else
            {
                uploads.Add(upload);
                last = (upload.Key, upload.UploadId);
            }
        }

        return new MultipartUploadPage(uploads, prefixes, false, null, null);
    }

    private static int IndexOf(IReadOnlyList<MultipartUploadInfo> ordered, string key, string uploadId)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Key == key && ordered[i].UploadId == uploadId)
            {
                return i;
            }
        }

        return -1;
    }
}
