using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Snapshots;

/// <summary>
/// The filter chains that bring a decoded picture to an image template's frame (reference/mps-api.md §13.2): the size
/// rules are the transcode ones (<see cref="OutputGeometry"/>: ResolutionAdaptive, 0 = source/keep aspect); FillType
/// <c>stretch</c> scales to the frame, <c>black</c>/<c>white</c> fit and pad with that colour, <c>gauss</c> fits over
/// a blurred, cropped cover-scaled copy of the same picture.
/// </summary>
public static class ImageFraming
{
    public const long GaussSigma = 20;

    public static OutputGeometry Geometry(long sourceWidth, long sourceHeight, IImageGeometry template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return OutputGeometry.Compute(sourceWidth, sourceHeight, new VideoTemplateInfo
        {
            Width = template.Width,
            Height = template.Height,
            ResolutionAdaptive = template.ResolutionAdaptive,
            FillType = template.FillType,
        });
    }

    /// <summary>Chains from <paramref name="input"/> to <paramref name="output"/>, with <paramref name="before"/> applied first.</summary>
    public static IReadOnlyList<FilterChain> Chains(string input, string output, OutputGeometry geometry, string fillType, IReadOnlyList<Filter> before, string labelPrefix)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(before);
        if (!geometry.Padded)
        {
            return [new FilterChain([input], [.. before, new ScaleFilter(geometry.Width, geometry.Height), new SetSarFilter()], [output])];
        }

        if (fillType != "gauss")
        {
            return
            [
                new FilterChain([input], [.. before, new ScaleFilter(geometry.ScaledWidth, geometry.ScaledHeight), new SetSarFilter(),
                    new PadFilter(geometry.Width, geometry.Height, geometry.PadX, geometry.PadY, fillType == "white" ? "white" : "black")], [output]),
            ];
        }

        // Cover-scale (the larger factor) so the backdrop fills the frame, then crop it centred and blur it.
        var (back, fore) = ($"{labelPrefix}back", $"{labelPrefix}fore");
        var factor = Math.Max(geometry.Width / (double)geometry.ScaledWidth, geometry.Height / (double)geometry.ScaledHeight);
        var coverWidth = Math.Max(geometry.Width, 2 * (long)Math.Ceiling(geometry.ScaledWidth * factor / 2));
        var coverHeight = Math.Max(geometry.Height, 2 * (long)Math.Ceiling(geometry.ScaledHeight * factor / 2));
        return
        [
            new FilterChain([input], [.. before, new SplitFilter(2)], [back, fore]),
            new FilterChain([back], [new ScaleFilter(coverWidth, coverHeight), new CropFilter(geometry.Width, geometry.Height, (coverWidth - geometry.Width) / 2, (coverHeight - geometry.Height) / 2),
                new GaussianBlurFilter(GaussSigma), new SetSarFilter()], [$"{labelPrefix}blurred"]),
            new FilterChain([fore], [new ScaleFilter(geometry.ScaledWidth, geometry.ScaledHeight), new SetSarFilter()], [$"{labelPrefix}picture"]),
            new FilterChain([$"{labelPrefix}blurred", $"{labelPrefix}picture"], [new OverlayFilter(geometry.PadX, geometry.PadY)], [output]),
        ];
    }
}
