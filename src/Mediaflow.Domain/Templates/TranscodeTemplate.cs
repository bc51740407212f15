using System.Text.Json;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// The parameters of a transcode: a stored template (preset or custom) or an inline RawParameter. Field names are the
/// wire names of reference/mps-api.md §13.1; fields this build does not implement are refused by
/// <see cref="TranscodeTemplateRules"/>, never stored and ignored.
/// </summary>
public sealed record TranscodeTemplate
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public string Container { get; init; } = "";
    public long RemoveVideo { get; init; }
    public long RemoveAudio { get; init; }
    public VideoTemplateInfo? VideoTemplate { get; init; }
    public AudioTemplateInfo? AudioTemplate { get; init; }
    public TehdConfig? TEHDConfig { get; init; }
    public EnhanceConfig? EnhanceConfig { get; init; }
    public JsonElement? SubtitleTemplate { get; init; }
    public string? StdExtInfo { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    public bool IsAudioOnly => TranscodeContainers.IsAudioOnly(Container) || RemoveVideo == 1;
}
