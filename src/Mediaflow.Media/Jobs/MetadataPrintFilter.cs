namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>metadata=mode=print</c> (video) or <c>ametadata=mode=print</c> (audio): logs every frame's
/// <c>frame:N pts:P pts_time:T</c> line and its metadata <c>key=value</c> lines on stderr, prefixed with the filter instance.
/// </summary>
public sealed record MetadataPrintFilter(bool Audio = false) : Filter
{
    public override string Name => Audio ? "ametadata" : "metadata";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("mode", "print")];
}
