namespace Mediaflow.Media.Jobs;

/// <summary><c>setpts=expr=PTS-STARTPTS</c>: timestamps from the first frame, so sampling grids start at it.</summary>
public sealed record SetPtsFilter : Filter
{
    public override string Name => "setpts";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("expr", "PTS-STARTPTS")];
}
