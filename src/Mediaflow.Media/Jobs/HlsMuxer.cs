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

    /// <summary>
    /// Byte-range HLS (<c>-hls_flags single_file</c>): every segment is a byte range of one media file
    /// (<c>#EXT-X-BYTERANGE</c>); <see cref="SegmentPathPattern"/> is then that file's literal path, and with fMP4 the init
    /// section is the file's first range.
    /// </summary>
    public bool SingleFile { get; init; }

    /// <summary>AES-128 segment encryption: absolute path of the key info file (<c>-hls_key_info_file</c>); null = clear.</summary>
    public string? KeyInfoPath { get; init; }
}
