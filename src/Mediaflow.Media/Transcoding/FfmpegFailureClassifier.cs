namespace Mediaflow.Media.Transcoding;

/// <summary>
/// Pure: an ffmpeg that exited non-zero → the ErrCodeExt and whether retrying can help, from its stderr tail.
/// Unknown failures are InternalError and retryable; source and configuration failures are permanent.
/// </summary>
public static class FfmpegFailureClassifier
{
    private static readonly (string Needle, string Code, bool Retryable)[] Rules =
    [
        ("No space left on device", MediaErrorCodes.InternalError, true),
        ("Cannot allocate memory", MediaErrorCodes.InternalError, true),
        ("not on whitelist", MediaErrorCodes.ContentUnsupported, false),
        ("Unable to locate subtitle stream", MediaErrorCodes.ContentUnsupported, false),
        ("Invalid data found when processing input", MediaErrorCodes.ContentMalformed, false),
        ("moov atom not found", MediaErrorCodes.ContentMalformed, false),
        ("could not find codec parameters", MediaErrorCodes.ContentMalformed, false),
        ("Error while decoding", MediaErrorCodes.ContentMalformed, false),
        ("Unknown encoder", MediaErrorCodes.ConfigurationUnsupported, false),
        ("Error while opening encoder", MediaErrorCodes.ConfigurationUnsupported, false),
        ("Error initializing output stream", MediaErrorCodes.ConfigurationUnsupported, false),
        ("incorrect parameters such as bit_rate", MediaErrorCodes.ConfigurationUnsupported, false),
        ("does not contain any stream", MediaErrorCodes.ConfigurationUnsupported, false),
        ("not currently supported in container", MediaErrorCodes.ConfigurationUnsupported, false),
        ("Could not write header", MediaErrorCodes.ConfigurationUnsupported, false),
    ];

    public static (string ErrCodeExt, bool Retryable, string Message) Classify(int exitCode, IReadOnlyList<string> logTail)
    {
        ArgumentNullException.ThrowIfNull(logTail);
        var last = logTail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"ffmpeg exited with code {exitCode}";
        foreach (var (needle, code, retryable) in Rules)
        {
            var line = logTail.LastOrDefault(l => l.Contains(needle, StringComparison.OrdinalIgnoreCase));
            if (line is not null)
            {
                return (code, retryable, $"ffmpeg failed: {line.Trim()}");
            }
        }

        return (MediaErrorCodes.InternalError, true, $"ffmpeg failed (exit code {exitCode}): {last}");
    }
}
