namespace Mediaflow.Media.QualityControl.Format;

/// <summary>The thresholds of the format rules (documented in docs/quality-control-format.md).</summary>
public static class FormatRules
{
    /// <summary>A timestamp step is jitter when it is off the nearest whole number of frame durations by more than this share of one.</summary>
    public const double JitterShare = 0.25;

    /// <summary>VideoDroppingFrames: a presentation step of at least this many nominal frame durations (rounded) has frames missing.</summary>
    public const double DropFrames = 2;

    /// <summary>A one-second window is FpsJitter when its frame count is off the nominal rate by more than this share (and by 2 frames).</summary>
    public const double FpsWindowShare = 0.2;

    /// <summary>A stream is lacking when its packets stop for this long (seconds) while the other kind of stream continues.</summary>
    public const double StreamGapSeconds = 2.0;

    /// <summary>A sample aspect ratio outside [1/4, 4] or a display aspect ratio outside [1/5, 5] is invalid.</summary>
    public const double MaxSar = 4, MaxDar = 5;

    /// <summary>
    /// AVTimestampInterleave: seconds between a packet's timestamp and those of the other kind's packets around it in the
    /// file (a player reading in file order must buffer that much of one stream to play the other).
    /// </summary>
    public const double InterleaveSeconds = 1.0;

    /// <summary>At most this many timestamps are listed per item.</summary>
    public const int MaxTimestamps = 20;

    public const string Fatal = "Fatal", Error = "Error", Warning = "Warning", Notice = "Notice", Info = "Info";
}
