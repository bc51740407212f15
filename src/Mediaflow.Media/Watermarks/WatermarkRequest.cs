using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Watermarks;

/// <summary>
/// One watermark a node asks for: the node's <see cref="WatermarkInput"/> and its resolved template (for Definition 0,
/// the template its RawParameter describes, whose picture is the store object at <see cref="ImageFile"/>).
/// </summary>
public sealed record WatermarkRequest(WatermarkInput Input, WatermarkTemplate Template)
{
    /// <summary>Local path of the picture (PNG, JPEG, GIF, APNG or a video) when it is a file, not the template's base64.</summary>
    public string? ImageFile { get; init; }
}
