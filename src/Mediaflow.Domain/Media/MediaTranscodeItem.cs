using System.Text.Json.Nodes;

namespace Mediaflow.Domain.Media;

/// <summary>
/// The measured facts of one transcode output (wire shape <c>MediaTranscodeItem</c>, reference/mps-api.md §12).
/// Every number is measured on the written output with ffprobe, never copied from the template.
/// <see cref="OutputStorage"/> is filled by the engine, which knows where the files went.
/// </summary>
public sealed record MediaTranscodeItem
{
    public JsonNode? OutputStorage { get; init; }

    /// <summary>Object path of the main output (the playlist for HLS); filled by the engine.</summary>
    public string Path { get; init; } = "";

    public long Definition { get; init; }

    /// <summary>Bits per second, video + audio. For HLS: total bytes × 8 / duration.</summary>
    public long Bitrate { get; init; }

    public long Height { get; init; }

    public long Width { get; init; }

    /// <summary>Bytes; for HLS the playlist plus all segments (and the fMP4 init segment).</summary>
    public long Size { get; init; }

    /// <summary>Seconds.</summary>
    public double Duration { get; init; }

    /// <summary>ffprobe's <c>format_name</c> of the output (<c>hls</c> for HLS playlists).</summary>
    public string Container { get; init; } = "";

    /// <summary>Lowercase hex MD5 of the main output file.</summary>
    public string Md5 { get; init; } = "";

    public IReadOnlyList<MediaAudioStreamItem> AudioStreamSet { get; init; } = [];

    public IReadOnlyList<MediaVideoStreamItem> VideoStreamSet { get; init; } = [];
}
