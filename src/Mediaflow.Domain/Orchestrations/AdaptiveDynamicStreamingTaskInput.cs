using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// An adaptive-streaming node's parameters (reference/mps-api.md §10 AdaptiveDynamicStreamingTaskInput). Members this
/// build does not honour (BlindWatermark, AddOnAudios, SubtitleTemplate, StdExtInfo,
/// KeyPTSList, StdExtStreamInfos) land in <see cref="NotYetSupported"/> and are refused by name.
/// </summary>
public sealed record AdaptiveDynamicStreamingTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }

    /// <summary>The manifest's path pattern (default <c>{inputName}_adaptiveDynamicStreaming_{definition}.{format}</c>).</summary>
    public string? OutputObjectPath { get; init; }

    /// <summary>Sub-stream file name pattern, relative to the manifest's directory (with <c>{subStreamNumber}</c>).</summary>
    public string? SubStreamObjectName { get; init; }

    /// <summary>Segment file name pattern, relative to the manifest's directory (with <c>{subStreamNumber}</c> and <c>{segmentNumber}</c>).</summary>
    public string? SegmentObjectName { get; init; }

    /// <summary><c>Common</c> (default) or <c>PureAudio</c> (audio-only sub-streams, as the template's PureAudio = 1).</summary>
    public string? DefinitionType { get; init; }

    public AdaptiveDrmInfo? DrmInfo { get; init; }

    /// <summary>Watermarks drawn on every video sub-stream after its scaling (≤ 10, the transcode node's rules).</summary>
    public IReadOnlyList<WatermarkInput>? WatermarkSet { get; init; }

    /// <summary>Subtitle files (.srt/.vtt objects) added as WebVTT subtitle renditions of an HLS stream (≤ 10, the transcode's item rules).</summary>
    public IReadOnlyList<AddOnSubtitle>? AddOnSubtitles { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}

/// <summary>Segment encryption: only <c>simpleaes</c> (HLS AES-128) is implemented; the SPEKE DRM types are refused.</summary>
public sealed record AdaptiveDrmInfo
{
    public string? Type { get; init; }
    public SimpleAesDrm? SimpleAesDrm { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}

/// <summary>The AES-128 key (32 hex digits), the URI players fetch it from, and an optional IV (32 hex digits).</summary>
public sealed record SimpleAesDrm
{
    public string? Uri { get; init; }
    public string? Key { get; init; }
    public string? Vector { get; init; }
}
