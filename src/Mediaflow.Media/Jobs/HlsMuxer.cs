namespace Mediaflow.Media.Jobs;

/// <summary>HLS VOD playlist plus segments (<c>-f hls</c>).</summary>
public sealed record HlsMuxer : Muxer
{
    public override string Name => "hls";

    /// <summary>Target segment length in seconds (<c>-hls_time</c>).</summary>
    public required int SegmentSeconds { get; init; }

    /// <summary>Absolute path pattern with one <c>%05d</c>-style counter (<c>-hls_segment_filename</c>).</summary>
    public required string SegmentPathPattern { get; init; }

    /// <summary><c>mpegts</c> or <c>fmp4</c> (<c>-hls_segment_type</c>).</summary>
    public string SegmentType { get; init; } = "mpegts";

    /// <summary>fMP4 only: init segment file name, next to the playlist (<c>-hls_fmp4_init_filename</c>).</summary>
    public string? InitFileName { get; init; }

    public string PlaylistType { get; init; } = "vod";

    /// <summary>AES-128 segment encryption: absolute path of the key info file (<c>-hls_key_info_file</c>); null = clear.</summary>
    public string? KeyInfoPath { get; init; }
}
