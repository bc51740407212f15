namespace Mediaflow.Domain.Templates;

/// <summary>
/// Adaptive streaming template (reference/mps-api.md §13.7). Stored and described with each sub-stream checked by the
/// transcode rules; the <c>action-adaptive-substream</c> node is not executed yet, so using one is refused (DESIGN §7.5).
/// </summary>
public sealed record AdaptiveDynamicStreamingTemplate : IStoredTemplate<AdaptiveDynamicStreamingTemplate>
{
    public long Definition { get; init; }
    public string Type { get; init; } = TemplateType.Custom;
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Format { get; init; } = "";
    public IReadOnlyList<AdaptiveStreamTemplate> StreamInfos { get; init; } = [];
    public long DisableHigherVideoBitrate { get; init; }
    public long DisableHigherVideoResolution { get; init; }
    public long PureAudio { get; init; }
    public string SegmentType { get; init; } = "ts-segment";
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    public AdaptiveDynamicStreamingTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}

/// <summary>One sub-stream of an adaptive template.</summary>
public sealed record AdaptiveStreamTemplate
{
    public AudioTemplateInfo? Audio { get; init; }
    public VideoTemplateInfo? Video { get; init; }
    public long RemoveAudio { get; init; }
    public long RemoveVideo { get; init; }
    public IReadOnlyList<AudioTemplateInfo>? AudioList { get; init; }
}
