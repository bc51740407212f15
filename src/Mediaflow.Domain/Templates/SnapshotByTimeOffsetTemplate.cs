namespace Mediaflow.Domain.Templates;

/// <summary>Time-offset snapshot template (reference/mps-api.md §13.2). The time points are the task's, not the template's.</summary>
public sealed record SnapshotByTimeOffsetTemplate : IStoredTemplate<SnapshotByTimeOffsetTemplate>, IImageGeometry
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public long Width { get; init; }
    public long Height { get; init; }
    public string ResolutionAdaptive { get; init; } = "open";
    public string Format { get; init; } = "jpg";
    public string FillType { get; init; } = "black";
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    public SnapshotByTimeOffsetTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
