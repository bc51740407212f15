using Mediaflow.Media.Jobs;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Streaming;

/// <summary>The one ffmpeg job of an adaptive stream and the layout of each sub-stream it writes.</summary>
public sealed record AdaptivePlan
{
    public required FfmpegJob Job { get; init; }

    public required IReadOnlyList<AdaptiveRung> Rungs { get; init; }

    public required ClipRange Clip { get; init; }

    /// <summary>DASH only: the representations ffmpeg writes (video first, then audio); empty for HLS.</summary>
    public IReadOnlyList<DashRepresentation> Representations { get; init; } = [];

    /// <summary>Absolute path of the master playlist (written after ffmpeg, from the measured variants) or of the DASH manifest (written by ffmpeg).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>Absolute path of the AES key file ffmpeg reads (kept out of the outputs); null = clear.</summary>
    public string? KeyPath { get; init; }

    /// <summary>Absolute path of the key info file (<c>-hls_key_info_file</c>); null = clear.</summary>
    public string? KeyInfoPath { get; init; }
}

/// <summary>One sub-stream: its number in the template, its playlist, segment naming and planned frame size.</summary>
public sealed record AdaptiveRung(int Number, string PlaylistPath, HlsLayout Layout, OutputGeometry? Geometry, bool HasVideo, bool HasAudio);

/// <summary>
/// One DASH representation: its id (ffmpeg's output stream index, video first), the sub-streams it serves, its planned
/// frame size (null for audio), and the name templates of its files.
/// </summary>
public sealed record DashRepresentation(int Id, IReadOnlyList<int> SubStreams, OutputGeometry? Geometry, string InitName, string? MediaName)
{
    public bool HasVideo => Geometry is not null;
}
