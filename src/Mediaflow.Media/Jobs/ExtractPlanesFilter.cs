namespace Mediaflow.Media.Jobs;

/// <summary><c>extractplanes=planes=P</c>: one plane of the picture as a gray picture, without a pixel conversion (P = y, u, v …).</summary>
public sealed record ExtractPlanesFilter(string Planes) : Filter
{
    public override string Name => "extractplanes";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("planes", Planes)];
}
