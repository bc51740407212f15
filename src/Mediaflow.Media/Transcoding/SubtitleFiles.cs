namespace Mediaflow.Media.Transcoding;

/// <summary>
/// Pure: the demuxer of a text subtitle file from its first bytes (after a UTF-8 BOM): <c>webvtt</c> when it starts with
/// <c>WEBVTT</c>, <c>ass</c> when it has a <c>[Script Info]</c> section, else <c>srt</c> (SubRip).
/// </summary>
public static class SubtitleFiles
{
    /// <summary>Bytes read to tell the format.</summary>
    public const int SniffBytes = 4096;

    public static string Format(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        if (head.StartsWith("WEBVTT"u8))
        {
            return "webvtt";
        }

        return head.IndexOf("[Script Info]"u8) >= 0 ? "ass" : "srt";
    }

    /// <summary>The encoder that writes a subtitle of <paramref name="format"/> into <paramref name="container"/>, or null when it takes none.</summary>
    public static string? Encoder(string container, string format) => container switch
    {
        "mp4" or "mov" => "mov_text",
        "webm" => "webvtt",
        "mkv" => format switch { "webvtt" => "webvtt", "ass" => "ass", _ => "subrip" },
        _ => null,
    };
}
