namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>metadata=mode=print:file=F</c> (video) or <c>ametadata=…</c> (audio): writes every frame's metadata to the file
/// <paramref name="FilePath"/> as <c>frame:N pts:P pts_time:T</c> followed by <c>key=value</c> lines.
/// </summary>
public sealed record MetadataPrintFilter(string FilePath, bool Audio) : Filter
{
    public override string Name => Audio ? "ametadata" : "metadata";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("mode", "print"), Arg("file", FilePath)];
}
