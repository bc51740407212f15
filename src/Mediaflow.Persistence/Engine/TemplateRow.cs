namespace Mediaflow.Persistence.Engine;

/// <summary>An account's custom template of one family; presets live in code, not here.</summary>
public sealed class TemplateRow
{
    public long Id { get; set; }
    public long AppId { get; set; }

    /// <summary>Template family, e.g. <c>Transcode</c>.</summary>
    public string Family { get; set; } = "";

    public long Definition { get; set; }
    public string Name { get; set; } = "";
    public string BodyJson { get; set; } = "{}";
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
}
