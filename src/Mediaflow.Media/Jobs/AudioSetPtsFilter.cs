namespace Mediaflow.Media.Jobs;

/// <summary><c>asetpts=expr=PTS-STARTPTS</c>: audio timestamps from the first decoded frame.</summary>
public sealed record AudioSetPtsFilter : Filter
{
    public override string Name => "asetpts";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("expr", "PTS-STARTPTS")];
}
