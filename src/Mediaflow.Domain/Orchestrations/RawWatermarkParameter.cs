using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// An inline image watermark of a transcode node's <c>WatermarkSet</c> (Definition 0; reference/mps-api.md §10
/// RawWatermarkParameter): the fields of an image watermark template, its picture a store object instead of base64.
/// </summary>
public sealed record RawWatermarkParameter
{
    /// <summary><c>image</c> (the only type the spec allows inline).</summary>
    public string? Type { get; init; }

    public string? CoordinateOrigin { get; init; }
    public string? XPos { get; init; }
    public string? YPos { get; init; }
    public RawImageWatermarkInput? ImageTemplate { get; init; }

    /// <summary>The watermark template these fields describe (Definition 0, no base64 image: the picture is <see cref="RawImageWatermarkInput.ImageContent"/>).</summary>
    public WatermarkTemplate ToTemplate() => new()
    {
        Definition = 0,
        Type = Type ?? "",
        CoordinateOrigin = CoordinateOrigin ?? "TopLeft",
        XPos = XPos ?? "0px",
        YPos = YPos ?? "0px",
        ImageTemplate = ImageTemplate is { } image
            ? new ImageWatermarkTemplate { Width = image.Width, Height = image.Height, RepeatType = image.RepeatType }
            : null,
    };
}

/// <summary>The picture of an inline image watermark: a store object (PNG, JPEG, GIF, APNG or a short video).</summary>
public sealed record RawImageWatermarkInput
{
    public MediaInputInfo? ImageContent { get; init; }
    public string? Width { get; init; }
    public string? Height { get; init; }
    public string? RepeatType { get; init; }
}
