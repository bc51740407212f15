namespace Mediaflow.Domain.Templates;

/// <summary>
/// Watermark template (reference/mps-api.md §13.6), applied by a node's <c>WatermarkSet</c> on transcodes and screenshots
/// (docs/watermarks.md). <see cref="Type"/> is the watermark type (image|text|svg), not Preset/Custom.
/// </summary>
public sealed record WatermarkTemplate : IStoredTemplate<WatermarkTemplate>
{
    public long Definition { get; init; }
    public string Type { get; init; } = "";
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string CoordinateOrigin { get; init; } = "TopLeft";
    public string XPos { get; init; } = "0px";
    public string YPos { get; init; } = "0px";
    public ImageWatermarkTemplate? ImageTemplate { get; init; }
    public TextWatermarkTemplate? TextTemplate { get; init; }
    public SvgWatermarkTemplate? SvgTemplate { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>The image as the wire item shows it: <c>ImageUrl</c> (a <c>data:</c> URL), without the uploaded base64.</summary>
    public static WatermarkTemplate WithImageUrl(WatermarkTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.ImageTemplate is not { ImageContent: { Length: > 0 } content } image)
        {
            return template;
        }

        var type = content.StartsWith("iVBOR", StringComparison.Ordinal) ? "image/png"
            : content.StartsWith("R0lGOD", StringComparison.Ordinal) ? "image/gif" : "image/jpeg";
        return template with { ImageTemplate = image with { ImageContent = null, ImageUrl = $"data:{type};base64,{content}" } };
    }

    public WatermarkTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, CreateTime = createTime, UpdateTime = updateTime };
}

/// <summary>
/// An image watermark: <see cref="ImageContent"/> (base64 PNG/JPEG) is what Create/Modify send; the item answers it as
/// <see cref="ImageUrl"/>, a <c>data:</c> URL of the same bytes (this server has no separate image host).
/// </summary>
public sealed record ImageWatermarkTemplate
{
    public string? ImageContent { get; init; }
    public string? ImageUrl { get; init; }
    public string? Width { get; init; }
    public string? Height { get; init; }
    public string? RepeatType { get; init; }
}

public sealed record TextWatermarkTemplate
{
    public string? FontType { get; init; }
    public string? FontSize { get; init; }
    public string? FontColor { get; init; }
    public double? FontAlpha { get; init; }
    public string? TextContent { get; init; }
}

public sealed record SvgWatermarkTemplate
{
    public string? Width { get; init; }
    public string? Height { get; init; }
}
