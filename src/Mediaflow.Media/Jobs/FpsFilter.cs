namespace Mediaflow.Media.Jobs;

/// <summary><c>fps=fps=N/D</c>: constant output frame rate.</summary>
public sealed record FpsFilter(long Numerator, long Denominator = 1) : Filter
{
    public override string Name => "fps";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("fps", FormattableString.Invariant($"{Numerator}/{Denominator}"))];
}
