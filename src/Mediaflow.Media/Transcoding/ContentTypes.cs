namespace Mediaflow.Media.Transcoding;

/// <summary>Content-Type of the files transcodes write, by extension.</summary>
public static class ContentTypes
{
    public static string ForFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".m4a" => "audio/mp4",
        ".mp3" => "audio/mpeg",
        ".flac" => "audio/flac",
        ".m3u8" => "application/vnd.apple.mpegurl",
        ".ts" => "video/mp2t",
        ".flv" => "video/x-flv",
        ".webm" => "video/webm",
        ".mkv" => "video/x-matroska",
        ".mov" => "video/quicktime",
        ".mxf" => "application/mxf",
        ".ogg" => "audio/ogg",
        ".wav" => "audio/wav",
        ".m4s" => "video/iso.segment",
        ".mpd" => "application/dash+xml",
        _ => "application/octet-stream",
    };
}
