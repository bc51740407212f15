namespace Mediaflow.Domain.Templates;

/// <summary>Container names of the transcode family.</summary>
public static class TranscodeContainers
{
    private static readonly HashSet<string> AudioOnly = new(StringComparer.Ordinal) { "mp3", "flac", "ogg", "m4a", "wav" };

    public static bool IsAudioOnly(string container) => AudioOnly.Contains(container);

    /// <summary>The file extension of the main output (<c>{format}</c> in output paths).</summary>
    public static string FileExtension(string container) => container switch
    {
        "hls" => "m3u8",
        _ => container,
    };
}
