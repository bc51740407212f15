namespace Mediaflow.Domain.Templates;

/// <summary>Sampled snapshot template (reference/mps-api.md §13.3): one image every <see cref="SampleInterval"/> percent or seconds.</summary>
public sealed record SampleSnapshotTemplate : IStoredTemplate<SampleSnapshotTemplate>, IImageGeometry, ISampling
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public string SampleType { get; init; } = "";
    public long SampleInterval { get; init; }
    public long Width { get; init; }
    public long Height { get; init; }
    public string ResolutionAdaptive { get; init; } = "open";
    public string Format { get; init; } = "jpg";
    public string FillType { get; init; } = "black";
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    public SampleSnapshotTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
