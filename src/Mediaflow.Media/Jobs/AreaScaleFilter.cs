namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>scale=w=W:h=H:flags=area</c>: a downscale that averages each output pixel's source area (a box filter, far fewer
/// taps than the default bicubic on large factors; the QC motion feed). With <see cref="StudioToFullRange"/> the studio
/// range (16–235) input is stretched to full range (<c>in_range=tv:out_range=full</c>), as swscale does when it turns a
/// studio-range YUV picture into <c>gray</c> — for a luma plane taken out with <c>extractplanes</c>, which carries no
/// conversion of its own.
/// </summary>
public sealed record AreaScaleFilter(long Width, long Height) : Filter
{
    public bool StudioToFullRange { get; init; }

    public override string Name => "scale";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => StudioToFullRange
        ? [Arg("w", Width), Arg("h", Height), Arg("flags", "area"), Arg("in_range", "tv"), Arg("out_range", "full")]
        : [Arg("w", Width), Arg("h", Height), Arg("flags", "area")];
}
