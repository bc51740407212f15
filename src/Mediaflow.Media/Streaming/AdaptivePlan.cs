using Mediaflow.Media.Jobs;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Streaming;

/// <summary>The one ffmpeg job of an adaptive stream and the layout of each sub-stream it writes.</summary>
public sealed record AdaptivePlan
{
    public required FfmpegJob Job { get; init; }

    public required IReadOnlyList<AdaptiveRung> Rungs { get; init; }

    public required ClipRange Clip { get; init; }

    /// <summary>Absolute path of the master playlist (written after ffmpeg, from the measured variants).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>Absolute path of the AES key file ffmpeg reads (kept out of the outputs); null = clear.</summary>
    public string? KeyPath { get; init; }

    /// <summary>Absolute path of the key info file (<c>-hls_key_info_file</c>); null = clear.</summary>
    public string? KeyInfoPath { get; init; }
}

/// <summary>One sub-stream: its number in the template, its playlist, segment naming and planned frame size.</summary>
public sealed record AdaptiveRung(int Number, string PlaylistPath, HlsLayout Layout, OutputGeometry? Geometry, bool HasVideo, bool HasAudio);
