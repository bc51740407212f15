using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Watermarks;

/// <summary>
/// One watermark ready to draw: its template (origin, position, sizes, text style) and the local files the graph reads —
/// the image (an image template's PNG/JPEG, or an svg template rasterized to PNG) or the text file of a text template —
/// and its time window as the node asked (seconds; see <see cref="WatermarkWindow"/>).
/// </summary>
public sealed record WatermarkLayer
{
    public required WatermarkTemplate Template { get; init; }

    /// <summary>Absolute path of the picture to overlay (image and svg templates).</summary>
    public string? ImagePath { get; init; }

    /// <summary>Demuxer of <see cref="ImagePath"/>: <c>png_pipe</c>, <c>jpeg_pipe</c>, <c>apng</c>, <c>gif</c>; null = a video (<see cref="VideoFormats"/>).</summary>
    public string? ImageFormat { get; init; }

    /// <summary>The picture has several frames (GIF, APNG, video): the template's RepeatType says what follows its end.</summary>
    public bool Animated { get; init; }

    /// <summary>Demuxers that may open a video picture (<see cref="ImageFormat"/> null): the source formats.</summary>
    public IReadOnlyList<string> VideoFormats { get; init; } = [];

    /// <summary>RepeatType of an image template: <c>once</c>, <c>repeat_last_frame</c>, or <c>repeat</c> (default).</summary>
    public string RepeatType => Template.ImageTemplate?.RepeatType is { Length: > 0 } repeat ? repeat : "repeat";

    /// <summary>Font of a text template (by its FontType).</summary>
    public string? FontFile { get; init; }

    /// <summary>Absolute path of the UTF-8 text to draw (text templates).</summary>
    public string? TextPath { get; init; }

    public double StartTimeOffset { get; init; }
    public double EndTimeOffset { get; init; }

    public bool IsText => Template.Type == "text";
}
