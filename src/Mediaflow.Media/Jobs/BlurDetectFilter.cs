namespace Mediaflow.Media.Jobs;

/// <summary><c>blurdetect</c>: edge-width blurriness of the luma plane, in frame metadata <c>lavfi.blur</c> (higher = blurrier; NaN on a flat frame).</summary>
public sealed record BlurDetectFilter : Filter
{
    public override string Name => "blurdetect";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
