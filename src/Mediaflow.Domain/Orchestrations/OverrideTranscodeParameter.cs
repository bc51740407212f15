using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// A transcode node's <c>OverrideParameter</c> (reference/mps-api.md §10 OverrideTranscodeParameter): members merged
/// over the node's stored template by <see cref="TranscodeOverrides.Apply"/>; null keeps the template's value. Only with
/// a non-zero Definition. <see cref="AddonAudioStream"/> and <see cref="AddOnSubtitles"/> add tracks of store objects
/// (docs/transcoding-addons.md); unknown members are refused by name.
/// </summary>
public sealed record OverrideTranscodeParameter
{
    public string? Container { get; init; }
    public long? RemoveVideo { get; init; }
    public long? RemoveAudio { get; init; }

    /// <summary>VideoTemplateInfoForUpdate: each null member keeps the template's value; Bframes/Compress -1 = auto.</summary>
    public VideoTemplateInfo? VideoTemplate { get; init; }

    /// <summary>AudioTemplateInfoForUpdate: each null member keeps the template's value.</summary>
    public AudioTemplateInfo? AudioTemplate { get; init; }

    public TehdConfig? TEHDConfig { get; init; }
    public JsonElement? SubtitleTemplate { get; init; }
    public string? StdExtInfo { get; init; }
    /// <summary>Extra audio tracks: the first audio stream of each store object, encoded like the main audio.</summary>
    public IReadOnlyList<MediaInputInfo>? AddonAudioStream { get; init; }

    /// <summary>Soft subtitle tracks of store subtitle files.</summary>
    public IReadOnlyList<AddOnSubtitle>? AddOnSubtitles { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }

    /// <summary>The template members as a <see cref="TranscodeTemplatePatch"/> (the merge ModifyTranscodeTemplate uses).</summary>
    public TranscodeTemplatePatch ToPatch() => new()
    {
        Container = Container,
        RemoveVideo = RemoveVideo,
        RemoveAudio = RemoveAudio,
        VideoTemplate = VideoTemplate,
        AudioTemplate = AudioTemplate,
        TEHDConfig = TEHDConfig,
        SubtitleTemplate = SubtitleTemplate,
        StdExtInfo = StdExtInfo,
    };
}
