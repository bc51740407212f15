using System.Collections.Frozen;

namespace Mediaflow.Storage;

/// <summary>Content-Type by file extension, for uploads that send none and for engine outputs.</summary>
public static class ContentTypeMap
{
    public const string Default = "application/octet-stream";

    private static readonly FrozenDictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".mov"] = "video/quicktime",
        [".mkv"] = "video/x-matroska",
        [".webm"] = "video/webm",
        [".flv"] = "video/x-flv",
        [".avi"] = "video/x-msvideo",
        [".ts"] = "video/mp2t",
        [".m4s"] = "video/iso.segment",
        [".m3u8"] = "application/vnd.apple.mpegurl",
        [".mpd"] = "application/dash+xml",
        [".m4a"] = "audio/mp4",
        [".aac"] = "audio/aac",
        [".mp3"] = "audio/mpeg",
        [".flac"] = "audio/flac",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".opus"] = "audio/opus",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".bmp"] = "image/bmp",
        [".svg"] = "image/svg+xml",
        [".vtt"] = "text/vtt",
        [".srt"] = "application/x-subrip",
        [".txt"] = "text/plain",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".html"] = "text/html",
        [".css"] = "text/css",
        [".js"] = "text/javascript",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The type for a key or file name by its extension, or <see cref="Default"/>.</summary>
    public static string ForName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extension = Path.GetExtension(name);
        return ByExtension.TryGetValue(extension, out var type) ? type : Default;
    }
}
