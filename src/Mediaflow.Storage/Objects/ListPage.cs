namespace Mediaflow.Storage.Objects;

/// <summary>
/// One page of a listing. <see cref="NextMarker"/> is the last key or common prefix returned; passing it back as the
/// marker resumes after it (after every key under it, for a common prefix).
/// </summary>
internal sealed record ListPage(
    IReadOnlyList<ObjectVersion> Contents,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? NextMarker);
