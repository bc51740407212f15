namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>scale=w=W:h=H:flags=area</c>: a downscale that averages each output pixel's source area (a box filter, far fewer
/// taps than the default bicubic on large factors; the QC motion feed, whose studio range is stretched to full on the
/// reader's side, <c>QualityControl.StudioRange</c>: swscale's own range conversion inside a 1080p downscale cost more
/// than the downscale).
/// </summary>
public sealed record AreaScaleFilter(long Width, long Height) : Filter
{
    public override string Name => "scale";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("w", Width), Arg("h", Height), Arg("flags", "area")];
}
