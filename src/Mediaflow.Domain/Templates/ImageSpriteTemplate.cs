namespace Mediaflow.Domain.Templates;

/// <summary>Image sprite template (reference/mps-api.md §13.4): RowCount × ColumnCount thumbnails per sheet plus a WebVTT index.</summary>
public sealed record ImageSpriteTemplate : IStoredTemplate<ImageSpriteTemplate>, IImageGeometry, ISampling
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public string SampleType { get; init; } = "";
    public long SampleInterval { get; init; }
    public long RowCount { get; init; }
    public long ColumnCount { get; init; }
    public long Width { get; init; }
    public long Height { get; init; }
    public string ResolutionAdaptive { get; init; } = "open";
    public string Format { get; init; } = "jpg";
    public string FillType { get; init; } = "black";
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    public ImageSpriteTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
