namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>astats=metadata=1:reset=1:measure_perchannel=P:measure_overall=O</c>: time-domain statistics of every audio frame
/// on its own, as frame metadata — per channel (<c>lavfi.astats.1.RMS_level</c>) for the measures in
/// <see cref="MeasurePerChannel"/>, over all channels together (<c>lavfi.astats.Overall.*</c>) for those in
/// <see cref="MeasureOverall"/>. By default only the overall RMS level, peak level and flat factor are measured.
/// </summary>
public sealed record AstatsFilter : Filter
{
    /// <summary>RMS level, peak level (dBFS) and flat factor.</summary>
    public const string LevelsAndFlatness = "RMS_level+Peak_level+Flat_factor";

    /// <summary>RMS level and peak level (dBFS).</summary>
    public const string Levels = "RMS_level+Peak_level";

    /// <summary>No measure.</summary>
    public const string None = "none";

    public string MeasurePerChannel { get; init; } = None;

    public string MeasureOverall { get; init; } = LevelsAndFlatness;

    public override string Name => "astats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("metadata", 1), Arg("reset", 1), Arg("measure_perchannel", MeasurePerChannel), Arg("measure_overall", MeasureOverall)];
}
