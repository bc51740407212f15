namespace Mediaflow.Media.Transcoding;

/// <summary>
/// HLS output naming. ffmpeg writes segments as <c>{TemporaryPrefix}{index:D5}.{ext}</c> (its pattern has no room for
/// arbitrary names); <see cref="HlsPlaylist.Finalize"/> then renames each to <see cref="SegmentFileName"/>(index) and
/// rewrites the playlist. Byte-range HLS writes one media file under its final name, <see cref="SingleFileName"/>, and
/// nothing is renamed.
/// </summary>
public sealed record HlsLayout(string TemporaryPrefix, string SegmentExtension, Func<int, string> SegmentFileName, string? InitFileName, string? SingleFileName = null);
