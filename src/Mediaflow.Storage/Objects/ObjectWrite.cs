namespace Mediaflow.Storage.Objects;

/// <summary>What a writer says about a new object besides its bytes.</summary>
/// <param name="ContentType">Null: by the key's extension.</param>
/// <param name="Headers">Content-Encoding, Content-Disposition, Cache-Control, Content-Language, Expires.</param>
/// <param name="ContentMd5">The client's Content-MD5, checked after the body is written (BadDigest).</param>
internal sealed record ObjectWrite(
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    long? ExpectedSize,
    byte[]? ContentMd5,
    ObjectLineage? Lineage,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ObjectWrite Plain(string? contentType) => new(contentType, new Dictionary<string, string>(), null, null, null);

    /// <summary>The standard headers (<see cref="ObjectHeaders"/>) to keep, never null.</summary>
    public IReadOnlyDictionary<string, string> StandardHeaders => Headers ?? new Dictionary<string, string>();
}
