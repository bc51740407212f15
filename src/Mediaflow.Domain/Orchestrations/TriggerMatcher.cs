namespace Mediaflow.Domain.Orchestrations;

/// <summary>Does a committed upload start this trigger? (reference/mps-api.md §7, DESIGN §2.2 and §7.3)</summary>
public static class TriggerMatcher
{
    /// <summary>The 24 system default extensions: 15 video, 7 audio, 2 subtitle.</summary>
    public static readonly IReadOnlySet<string> DefaultFormats = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "mp4", "avi", "mov", "wmv", "flv", "mkv", "mpg", "mpeg", "rm", "rmvb", "asf", "3gp", "webm", "ts", "m4v",
        "mp3", "wav", "aac", "flac", "ogg", "m4a", "amr",
        "vtt", "srt",
    };

    public static bool Matches(CosFileUploadTrigger trigger, string bucket, string region, string key)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(key);
        if (!string.Equals(trigger.Bucket, bucket, StringComparison.Ordinal) || !string.Equals(trigger.Region, region, StringComparison.Ordinal))
        {
            return false;
        }

        if (key.Length == 0 || key.EndsWith('/'))
        {
            return false; // "directory" placeholder objects never trigger
        }

        var prefix = (trigger.Dir ?? "/").TrimStart('/');
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        return FormatMatches(trigger.Formats, key);
    }

    public static bool FormatMatches(IReadOnlyList<string>? formats, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fileName = key[(key.LastIndexOf('/') + 1)..];
        var dot = fileName.LastIndexOf('.');
        var extension = dot > 0 ? fileName[(dot + 1)..] : "";
        if (formats is null || formats.Count == 0)
        {
            return extension.Length > 0 && DefaultFormats.Contains(extension);
        }

        return formats.Any(f => f == "*" || (extension.Length > 0 && string.Equals(f.TrimStart('.'), extension, StringComparison.OrdinalIgnoreCase)));
    }
}
