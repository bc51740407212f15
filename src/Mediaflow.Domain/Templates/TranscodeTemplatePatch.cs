using System.Text.Json;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// The optional members of <c>ModifyTranscodeTemplate</c> and of a task's <c>OverrideParameter</c>: null = keep.
/// Inside <see cref="VideoTemplate"/>/<see cref="AudioTemplate"/> each null member keeps the base value
/// (the <c>…ForUpdate</c> wire models); <c>Bframes</c> or <c>Compress</c> of -1 resets to auto.
/// </summary>
public sealed record TranscodeTemplatePatch
{
    /// <summary>ModifyTranscodeTemplate: the template to change. Not part of an OverrideParameter.</summary>
    public long? Definition { get; init; }

    public string? Name { get; init; }
    public string? Comment { get; init; }
    public string? Container { get; init; }
    public long? RemoveVideo { get; init; }
    public long? RemoveAudio { get; init; }
    public VideoTemplateInfo? VideoTemplate { get; init; }
    public AudioTemplateInfo? AudioTemplate { get; init; }
    public TehdConfig? TEHDConfig { get; init; }
    public EnhanceConfig? EnhanceConfig { get; init; }
    public JsonElement? SubtitleTemplate { get; init; }
    public string? StdExtInfo { get; init; }
}
