namespace Mediaflow.Media.Jobs;

/// <summary><c>tonemap=tonemap=A:desat=D</c>: compress linear-light HDR into SDR range (input must be linear float RGB).</summary>
public sealed record TonemapFilter(string Algorithm = "hable", double Desaturation = 0) : Filter
{
    public override string Name => "tonemap";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("tonemap", Algorithm), Arg("desat", FilterNumbers.Format(Desaturation))];
}
