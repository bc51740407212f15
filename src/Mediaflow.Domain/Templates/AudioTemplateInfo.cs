namespace Mediaflow.Domain.Templates;

/// <summary>Audio settings of a transcode template (reference/mps-api.md §13.1). Null = not given.</summary>
public sealed record AudioTemplateInfo
{
    public string? Codec { get; init; }
    public long? Bitrate { get; init; }
    public long? SampleRate { get; init; }
    public long? AudioChannel { get; init; }
    public System.Text.Json.JsonElement? TrackChannelInfo { get; init; }
    public string? AudioLanguage { get; init; }
    public string? AudioName { get; init; }
    public bool? DefaultTrack { get; init; }
    public IReadOnlyList<long>? StreamSelects { get; init; }
}
