using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// An HLS playlist as a task source (docs/quality-control-format.md "HLS inputs"): ffprobe's source whitelist refuses
/// playlists (they open other files), so the task starts with placeholder metadata (no streams) and only the inspection
/// node reads it, as playlist text; every other node still fails on its own probe with a clear error.
/// </summary>
public static class HlsPlaylistInput
{
    private static readonly byte[] Signature = "#EXTM3U"u8.ToArray();
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Whether the file starts with <c>#EXTM3U</c> (after an optional UTF-8 BOM), the first line RFC 8216 requires.</summary>
    public static bool IsPlaylist(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        ReadOnlySpan<byte> text = head[..read];
        if (text.StartsWith(Bom))
        {
            text = text[Bom.Length..];
        }

        return text.StartsWith(Signature);
    }

    /// <summary>The placeholder probe of a playlist: container <c>hls</c>, its size, no streams, no duration.</summary>
    public static ProbeResult Placeholder(string path) => new() { Container = "hls", Size = new FileInfo(path).Length };
}
