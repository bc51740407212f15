using Mediaflow.Media.Jobs;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// Pure: the filter chains that remove <see cref="TimedErase"/> areas from a W×H picture, from an input label to an
/// output label. Each area is clamped 1 px inside the frame; its time range becomes the timeline expression
/// <c>enable='between(t,a,b)'</c> (<see cref="WatermarkWindow"/>). <c>delogo</c> works in place; blur and mosaic
/// <c>split</c> the picture, <c>crop</c> the area, <c>gblur</c> (σ = a quarter of the area's short side, ≥ 6) or
/// <c>pixelize</c> it (blocks of an eighth of the short side, ≥ 8 px) and overlay it back while the range holds.
/// </summary>
public static class EraseGraph
{
    public const long MinBlurSigma = 6;
    public const long MinMosaicBlock = 8;

    public static IReadOnlyList<FilterChain> Build(string input, string output, IReadOnlyList<TimedErase> erases, long width, long height, double duration)
    {
        ArgumentNullException.ThrowIfNull(erases);
        var chains = new List<FilterChain>();
        var pending = new List<Filter>();
        var current = input;
        var step = 0;
        string Next() => $"mfer{step++}";

        foreach (var erase in erases)
        {
            if (erase.Region.ClampedTo(width, height) is not { } r)
            {
                continue;
            }

            var enable = WatermarkWindow.Enable(Math.Max(0, erase.Start), erase.End ?? 0, duration);
            if (erase.Fill == EraseFill.Delogo)
            {
                pending.Add(new DelogoFilter(r.X, r.Y, r.Width, r.Height, enable));
                continue;
            }

            if (pending.Count > 0)
            {
                var flushed = Next();
                chains.Add(new FilterChain([current], [.. pending], [flushed]));
                pending.Clear();
                current = flushed;
            }

            var (whole, part, covered, done) = (Next(), Next(), Next(), Next());
            var shortSide = Math.Min(r.Width, r.Height);
            Filter cover = erase.Fill == EraseFill.Blur
                ? new GaussianBlurFilter(Math.Max(MinBlurSigma, shortSide / 4))
                : new PixelizeFilter(Math.Max(MinMosaicBlock, shortSide / 8));
            chains.Add(new FilterChain([current], [new SplitFilter(2)], [whole, part]));
            chains.Add(new FilterChain([part], [new CropFilter(r.Width, r.Height, r.X, r.Y), cover], [covered]));
            chains.Add(new FilterChain([whole, covered], [new TimedOverlayFilter(r.X.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Y.ToString(System.Globalization.CultureInfo.InvariantCulture), enable)], [done]));
            current = done;
        }

        pending.Add(new FormatFilter("yuv420p"));
        chains.Add(new FilterChain([current], [.. pending], [output]));
        return chains;
    }
}
