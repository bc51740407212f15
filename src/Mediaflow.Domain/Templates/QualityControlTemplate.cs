namespace Mediaflow.Domain.Templates;

/// <summary>
/// Quality-control template (reference/mps-api.md §13.8; docs/quality-control.md): the items to inspect and, optionally,
/// a time spot-check strategy. Which items may be switched on depends on the inspectors this build registers.
/// </summary>
public sealed record QualityControlTemplate : IStoredTemplate<QualityControlTemplate>
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public IReadOnlyList<QualityControlItemConfig> QualityControlItemSet { get; init; } = [];

    /// <summary>Anomaly recordings (<c>PNG</c>); refused, since this server records no images of anomalies.</summary>
    public string? RecordFormat { get; init; }

    public QualityControlStrategy? Strategy { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>The items switched on (Switch ON or absent), in template order.</summary>
    public IEnumerable<QualityControlItemConfig> EnabledItems() => QualityControlItemSet.Where(i => i.IsOn);

    public QualityControlTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
