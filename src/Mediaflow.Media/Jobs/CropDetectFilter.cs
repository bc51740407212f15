namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>cropdetect=limit=L:round=2:reset=1:skip=0</c>: the non-black rectangle of every frame on its own (no accumulation,
/// no skipped first frames), in frame metadata <c>lavfi.cropdetect.x1/x2/y1/y2</c>. <paramref name="Limit"/> is the
/// luma level (0–255) at or below which a row or column counts as black.
/// </summary>
public sealed record CropDetectFilter(int Limit = 24) : Filter
{
    public override string Name => "cropdetect";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("limit", Limit), Arg("round", 2), Arg("reset", 1), Arg("skip", 0)];
}
