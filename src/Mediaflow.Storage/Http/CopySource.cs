namespace Mediaflow.Storage.Http;

/// <summary>
/// The object named by <c>x-amz-copy-source</c> (<c>[/]bucket/key[?versionId=…]</c>, URL-encoded) or COS's
/// <c>x-cos-copy-source</c> (<c>bucket-appid.cos.region.myqcloud.com/key</c>).
/// </summary>
internal sealed record CopySource(string Bucket, string Key)
{
    public static CopySource? From(StoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.Header("x-amz-copy-source") ?? request.Header("x-cos-copy-source");
        return raw is null ? null : Parse(raw);
    }

    public static CopySource Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var value = header;
        var question = value.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            var version = value[(question + 1)..];
            value = value[..question];
            if (version.StartsWith("versionId=", StringComparison.Ordinal) && version != "versionId=null")
            {
                throw new StorageException(StorageErrorCode.InvalidArgument, "Versioning is not enabled: the only version id is \"null\"");
            }
        }

        var path = PathDecoder.Decode(value).TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }

        var bucket = path[..slash];
        var dot = bucket.IndexOf(".cos.", StringComparison.Ordinal);
        return new CopySource(dot > 0 ? bucket[..dot] : bucket, path[(slash + 1)..]);
    }
}
