namespace Mediaflow.Media.Jobs;

/// <summary><c>blurdetect</c>: per-frame blur estimate as <c>lavfi.blur</c> (higher = blurrier; NaN on a flat frame).</summary>
public sealed record BlurDetectFilter : Filter
{
    public override string Name => "blurdetect";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
