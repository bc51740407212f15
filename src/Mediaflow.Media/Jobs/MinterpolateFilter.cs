namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>minterpolate=fps=N/D:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1</c>: motion-compensated frame interpolation
/// (bidirectional motion estimation, overlapped-block compensation). Expensive: roughly 10–30× the cost of decoding.
/// </summary>
public sealed record MinterpolateFilter(long Numerator, long Denominator = 1) : Filter
{
    public override string Name => "minterpolate";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
    [
        Arg("fps", FormattableString.Invariant($"{Numerator}/{Denominator}")),
        Arg("mi_mode", "mci"),
        Arg("mc_mode", "aobmc"),
        Arg("me_mode", "bidir"),
        Arg("vsbmc", 1),
    ];
}
