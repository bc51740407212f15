namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// A soft subtitle track added to a transcode's output (reference/mps-api.md §10 AddOnSubtitle, in OverrideParameter):
/// a text subtitle file of the store, muxed as its own stream with its name and language (docs/transcoding-addons.md).
/// </summary>
public sealed record AddOnSubtitle
{
    /// <summary><c>subtitle-stream</c>; <c>close-caption-708</c>/<c>close-caption-608</c> are refused (DESIGN §7.5).</summary>
    public string? Type { get; init; }

    /// <summary>The .srt/.vtt/.ass object (Type COS).</summary>
    public MediaInputInfo? Subtitle { get; init; }

    /// <summary>The track's title.</summary>
    public string? SubtitleName { get; init; }

    /// <summary>The track's language, e.g. <c>eng</c> (ISO 639-2) or <c>en</c>.</summary>
    public string? SubtitleLanguage { get; init; }

    /// <summary><c>WebVTT</c> (default); <c>TTML</c> is refused.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>Marks the track as the player's default.</summary>
    public bool? DefaultTrack { get; init; }
}
