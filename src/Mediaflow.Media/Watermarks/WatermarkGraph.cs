using System.Globalization;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Watermarks;

/// <summary>
/// Pure: the filter chains that draw a node's <see cref="VideoMarks"/> on a decoded picture of a known frame size, from
/// an input label to an output label, plus the image inputs they read. Reusable by every node that has a video chain
/// (transcode, screenshots, later adaptive rungs): the caller names the labels and the index of the first free input.
/// <list type="bullet">
/// <item>Mosaic: <c>split</c>; one copy <c>crop</c>ped to the region and <c>pixelize</c>d; overlaid back at the region
/// (<c>enable=</c> its window).</item>
/// <item>Image/SVG watermark: the picture input <c>scale</c>d to Width×Height (Height 0 = keep aspect), <c>format=rgba</c>,
/// overlaid at the position measured from <c>CoordinateOrigin</c> (<c>W-w-X</c> from the right, <c>H-h-Y</c> from the
/// bottom). A PNG/JPEG is one still frame, which overlay repeats to the end (so RepeatType once, repeat_last_frame and
/// repeat all show the same still). An animated picture (GIF, APNG, a video) follows its template's RepeatType:
/// <c>repeat</c> plays it again and again (<c>loop</c> of the scaled frames for GIF/APNG, <c>-stream_loop -1</c> for a
/// video; overlay <c>shortest=1</c> ends with the main picture); <c>once</c> plays it once (<c>fps=100</c> first, then
/// overlay <c>eof_action=pass</c>); <c>repeat_last_frame</c> keeps its last frame (overlay's default
/// <c>eof_action=repeat</c>). The animation's first frame is at the output's first frame.</item>
/// <item>Text watermark: <c>drawtext</c> (<c>w-tw-X</c>, <c>h-th-Y</c> for the right and bottom origins).</item>
/// </list>
/// Positions given in % are of the frame's width (X) or height (Y); sizes as <see cref="WatermarkLength.ToPixels"/>.
/// </summary>
public static class WatermarkGraph
{
    /// <summary>Largest mosaic block (px); blocks are an eighth of the region's short side, at least 2.</summary>
    public const long MaxMosaicBlock = 32;

    /// <summary>Rate a RepeatType <c>once</c> animation is resampled to (GIF delays are in hundredths of a second).</summary>
    public const long OnceFrameRate = 100;

    public static WatermarkGraphPart Build(
        string input, string output, long frameWidth, long frameHeight, VideoMarks marks, double duration, int firstInputIndex,
        string labelPrefix, string? pixelFormat = null, double shift = 0)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var chains = new List<FilterChain>();
        var inputs = new List<FfmpegInput>();
        var current = input;
        var step = 0;
        string Next() => $"{labelPrefix}m{step++}";

        foreach (var mosaic in marks.Mosaics)
        {
            if (MosaicRectangle(mosaic, frameWidth, frameHeight) is not { } rect)
            {
                continue;
            }

            var (whole, part, blurred, done) = (Next(), Next(), Next(), Next());
            var enable = WatermarkWindow.Enable(mosaic.StartTimeOffset ?? 0, mosaic.EndTimeOffset ?? 0, duration, shift);
            chains.Add(new FilterChain([current], [new SplitFilter(2)], [whole, part]));
            chains.Add(new FilterChain([part], [new CropFilter(rect.Width, rect.Height, rect.X, rect.Y), new PixelizeFilter(MosaicBlock(rect))], [blurred]));
            chains.Add(new FilterChain([whole, blurred], [new TimedOverlayFilter(Px(rect.X), Px(rect.Y), enable)], [done]));
            current = done;
        }

        foreach (var layer in marks.Watermarks)
        {
            var template = layer.Template;
            var x = Math.Round(Length(template.XPos).ToPixels(frameWidth, frameWidth, frameHeight));
            var y = Math.Round(Length(template.YPos).ToPixels(frameHeight, frameWidth, frameHeight));
            var right = template.CoordinateOrigin is "TopRight" or "BottomRight";
            var bottom = template.CoordinateOrigin is "BottomLeft" or "BottomRight";
            var enable = WatermarkWindow.Enable(layer.StartTimeOffset, layer.EndTimeOffset, duration, shift);
            var done = Next();
            if (layer.IsText)
            {
                var text = template.TextTemplate!;
                var color = text.FontColor + "@" + (text.FontAlpha ?? 1).ToString("0.###", CultureInfo.InvariantCulture);
                chains.Add(new FilterChain([current], [new DrawTextFilter(
                    layer.FontFile ?? throw new ArgumentException("a text watermark needs its font file", nameof(marks)),
                    layer.TextPath ?? throw new ArgumentException("a text watermark needs its text file", nameof(marks)),
                    WatermarkTemplateRules.FontSizePixels(text.FontSize!), color,
                    right ? $"w-tw-{Px(x)}" : Px(x), bottom ? $"h-th-{Px(y)}" : Px(y), enable)], [done]));
            }
            else
            {
                var (width, height) = PictureSize(template, frameWidth, frameHeight);
                var picture = Next();
                var index = firstInputIndex + inputs.Count;
                var repeat = layer.Animated && layer.RepeatType == "repeat";
                var once = layer.Animated && layer.RepeatType == "once";
                inputs.Add(new FfmpegInput
                {
                    Path = layer.ImagePath ?? throw new ArgumentException("an image watermark needs its picture", nameof(marks)),
                    Format = layer.ImageFormat,
                    FormatWhitelist = layer.ImageFormat is { } f ? [f] : layer.VideoFormats,
                    LoopForever = repeat && layer.ImageFormat is null,
                });
                var filters = new List<Filter>();
                if (once)
                {
                    // A constant rate carries the last frame to the animation's end before overlay lets go of it.
                    filters.Add(new FpsFilter(OnceFrameRate));
                }

                filters.AddRange([new ScaleFilter(width, height), new FormatFilter("rgba")]);
                if (repeat && layer.ImageFormat is not null)
                {
                    filters.Add(new LoopFilter(LoopFilter.MaxSize)); // GIF/APNG: the scaled frames, again and again
                }

                chains.Add(new FilterChain([$"{index}:v:0"], filters, [picture]));
                var overlay = new TimedOverlayFilter(right ? $"W-w-{Px(x)}" : Px(x), bottom ? $"H-h-{Px(y)}" : Px(y), enable)
                {
                    EofAction = once ? "pass" : null,
                    Shortest = repeat,
                };
                chains.Add(new FilterChain([current, picture], [overlay], [done]));
            }

            current = done;
        }

        if (chains.Count == 0)
        {
            // Nothing lands on the frame (e.g. every mosaic outside it): pass the picture through.
            chains.Add(new FilterChain([input], [new FormatFilter(pixelFormat ?? "yuv420p")], [output]));
            return new WatermarkGraphPart(inputs, chains);
        }

        var last = chains[^1];
        chains[^1] = last with
        {
            Filters = pixelFormat is null ? last.Filters : [.. last.Filters, new FormatFilter(pixelFormat)],
            OutputLabels = [output],
        };
        return new WatermarkGraphPart(inputs, chains);
    }

    /// <summary>
    /// Appends the marks to a graph whose chain ends in <paramref name="label"/>: that chain now ends in an intermediate
    /// label and the marks lead from it to <paramref name="label"/>. Empty marks leave the graph as it is.
    /// </summary>
    public static (List<FilterChain> Graph, IReadOnlyList<FfmpegInput> Inputs) Append(
        List<FilterChain> graph, string label, VideoMarks? marks, long frameWidth, long frameHeight, double duration, int firstInputIndex, string? pixelFormat)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (marks is null || marks.IsEmpty)
        {
            return (graph, []);
        }

        const string before = "mfmarksin";
        var at = graph.FindIndex(c => c.OutputLabels.Contains(label));
        if (at < 0)
        {
            throw new ArgumentException($"no chain of the graph ends in [{label}]", nameof(label));
        }

        var result = new List<FilterChain>(graph);
        result[at] = graph[at] with { OutputLabels = [.. graph[at].OutputLabels.Select(l => l == label ? before : l)] };
        var part = Build(before, label, frameWidth, frameHeight, marks, duration, firstInputIndex, "mfwm", pixelFormat);
        result.AddRange(part.Chains);
        return (result, part.Inputs);
    }

    /// <summary>Pixel size of an image or svg watermark: Width (default 10% / 10W%), Height (default 0px = keep aspect, −1).</summary>
    public static (long Width, long Height) PictureSize(WatermarkTemplate template, long frameWidth, long frameHeight)
    {
        ArgumentNullException.ThrowIfNull(template);
        var svg = template.Type == "svg";
        var (w, h) = svg
            ? (template.SvgTemplate?.Width ?? "10W%", template.SvgTemplate?.Height ?? "0px")
            : (template.ImageTemplate?.Width ?? "10%", template.ImageTemplate?.Height ?? "0px");
        var width = Length(w, svg).ToPixels(frameWidth, frameWidth, frameHeight);
        var height = Length(h, svg).ToPixels(frameHeight, frameWidth, frameHeight);
        return (Math.Max(1, (long)Math.Round(width)), height <= 0 ? -1 : Math.Max(1, (long)Math.Round(height)));
    }

    /// <summary>The region of a mosaic in the frame (even position and size, clipped to the frame), or null when outside it.</summary>
    public static MosaicRectangle? MosaicRectangle(MosaicInput mosaic, long frameWidth, long frameHeight)
    {
        ArgumentNullException.ThrowIfNull(mosaic);
        var x = Even(Length(mosaic.XPos ?? "0px").ToPixels(frameWidth, frameWidth, frameHeight));
        var y = Even(Length(mosaic.YPos ?? "0px").ToPixels(frameHeight, frameWidth, frameHeight));
        var width = Math.Min(Even(Length(mosaic.Width ?? "10%").ToPixels(frameWidth, frameWidth, frameHeight)), frameWidth - x);
        var height = Math.Min(Even(Length(mosaic.Height ?? "10%").ToPixels(frameHeight, frameWidth, frameHeight)), frameHeight - y);
        return width >= 2 && height >= 2 ? new MosaicRectangle(x, y, width, height) : null;
    }

    private static long MosaicBlock(MosaicRectangle rect) => Math.Clamp(Math.Min(rect.Width, rect.Height) / 8, 2, MaxMosaicBlock);

    private static long Even(double value) => 2 * (long)Math.Floor(Math.Max(0, value) / 2);

    private static WatermarkLength Length(string? text, bool svgUnits = false) =>
        WatermarkLength.TryParse(text, svgUnits, out var length) ? length : throw new ArgumentException($"'{text}' is not a watermark length", nameof(text));

    private static string Px(double value) => ((long)value).ToString(CultureInfo.InvariantCulture);
}
