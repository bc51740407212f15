namespace Mediaflow.Domain.Templates;

/// <summary>Animated graphics template (reference/mps-api.md §13.5): GIF or animated WebP; the clip range is the task's.</summary>
public sealed record AnimatedGraphicsTemplate : IStoredTemplate<AnimatedGraphicsTemplate>, IImageGeometry
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public long Fps { get; init; }
    public long Width { get; init; }
    public long Height { get; init; }
    public string ResolutionAdaptive { get; init; } = "open";
    public string Format { get; init; } = "gif";
    public long Quality { get; init; } = 75;
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Not a field of this family: an animation is scaled to fit, never padded or stretched.</summary>
    string IImageGeometry.FillType => "black";

    public AnimatedGraphicsTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
