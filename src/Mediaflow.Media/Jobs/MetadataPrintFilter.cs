namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>metadata=mode=print</c> (video) or <c>ametadata=mode=print</c> (audio): prints every frame's
/// <c>frame:N pts:P pts_time:T</c> line and its metadata <c>key=value</c> lines — on stderr, prefixed with the filter
/// instance, or, with <see cref="FilePath"/> set (<c>file=F</c>), into that file.
/// </summary>
public sealed record MetadataPrintFilter(bool Audio = false) : Filter
{
    /// <summary>The file the lines are written to; null = stderr.</summary>
    public string? FilePath { get; init; }

    public override string Name => Audio ? "ametadata" : "metadata";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        FilePath is null ? [Arg("mode", "print")] : [Arg("mode", "print"), Arg("file", FilePath)];
}
