using Mediaflow.Domain.Templates;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Streaming;

/// <summary>One adaptive-streaming node's work (reference/mps-api.md §13.7, §10 AdaptiveDynamicStreamingTaskInput).</summary>
public sealed record AdaptiveRequest
{
    /// <summary>Absolute path of the local copy of the source.</summary>
    public required string SourcePath { get; init; }

    public required ProbeResult Source { get; init; }

    public required AdaptiveDynamicStreamingTemplate Template { get; init; }

    /// <summary>Existing directory the outputs are written to (the caller owns and deletes it).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>File name of the master playlist or DASH manifest, e.g. <c>movie_adaptiveDynamicStreaming_10.m3u8</c> / <c>.mpd</c>.</summary>
    public required string ManifestFileName { get; init; }

    /// <summary>
    /// Sub-stream number → its file name: HLS, the playlist of the sub-stream (0-based, the template's StreamInfos
    /// order); DASH, the init segment (or the one byte-ranged file) of a representation, called once with
    /// <c>$RepresentationID$</c>.
    /// </summary>
    public required Func<string, string> SubStreamFileName { get; init; }

    /// <summary>(sub-stream number, segment number) → the segment's file name; DASH calls it once with <c>$RepresentationID$</c>, <c>$Number$</c>.</summary>
    public required Func<string, string, string> SegmentFileName { get; init; }

    /// <summary>
    /// Watermarks (and mosaics) drawn on every video sub-stream after its own scaling, sized and placed on that rung's
    /// frame as a transcode of the rung would draw them; null = none.
    /// </summary>
    public Watermarks.VideoMarks? Marks { get; init; }

    /// <summary>HLS AES-128 (<c>DrmInfo.Type = simpleaes</c>); null = clear segments.</summary>
    public SimpleAesKey? SimpleAes { get; init; }

    /// <summary>
    /// AddOnSubtitles: SRT / WebVTT files, each written as an HLS WebVTT subtitle rendition numbered after the template's
    /// sub-streams (sub-stream number = StreamInfos count + its index), named by <see cref="SubStreamFileName"/> and
    /// <see cref="SubtitleSegmentFileName"/>. MPEG-DASH refuses them.
    /// </summary>
    public IReadOnlyList<Transcoding.AddOnSubtitleFile> Subtitles { get; init; } = [];

    /// <summary>(sub-stream number, segment number) → a subtitle segment's file name; null = <see cref="SegmentFileName"/> with the extension <c>vtt</c>.</summary>
    public Func<string, string, string>? SubtitleSegmentFileName { get; init; }
}

/// <summary>The caller's AES-128 key (32 hex digits), the URI players fetch it from, and an optional IV (32 hex digits).</summary>
public sealed record SimpleAesKey(string KeyHex, string Uri, string? IvHex);
