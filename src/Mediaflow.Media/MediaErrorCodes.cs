namespace Mediaflow.Media;

/// <summary>Task-level error codes (<c>ErrCodeExt</c>, reference/mps-api.md §3.4) that media nodes fail with.</summary>
public static class MediaErrorCodes
{
    /// <summary>The source is missing, corrupt or undecodable (zero bytes, not media, truncated). Permanent.</summary>
    public const string ContentMalformed = "SourceFileError.ContentMalformed";

    /// <summary>The source is media but not one we accept (a demuxer outside the whitelist, no usable stream). Permanent.</summary>
    public const string ContentUnsupported = "SourceFileError.ContentUnsupported";

    /// <summary>A video output was asked of a source without video. Permanent.</summary>
    public const string NoVideoMedia = "SourceFileError.NoVideoMedia";

    /// <summary>The source's video stream has no usable size. Permanent.</summary>
    public const string NoVideoResolution = "SourceFileError.NoVideoResolution";

    /// <summary>A start/end offset outside the source, or an empty clip. Permanent.</summary>
    public const string InvalidTimeOffset = "InvalidInput.InvalidTimeOffset";

    /// <summary>The parameters cannot be produced (refused template field, encoder refused the settings). Permanent.</summary>
    public const string ConfigurationUnsupported = "InvalidInput.ConfigurationUnsupported";

    /// <summary>Our side failed (watchdog, timeout, disk, missing binary, unknown ffmpeg failure). Retryable.</summary>
    public const string InternalError = "InternalError";
}
