namespace Mediaflow.Media.Jobs;

/// <summary><c>setsar=sar=R</c>: sample aspect ratio (1 = square pixels).</summary>
public sealed record SetSarFilter(string Ratio = "1") : Filter
{
    public override string Name => "setsar";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("sar", Ratio)];
}
