namespace Mediaflow.Media.Transcoding;

/// <summary>
/// The part of the source a node processes, in seconds from the first frame (DESIGN §7.6). Offsets: 0 = start/end,
/// positive = from the start, negative = from the end. A start before 0 is clamped to 0 and an end past the source to
/// its end; a start at or past the end, or an empty clip, is <see cref="MediaErrorCodes.InvalidTimeOffset"/>.
/// </summary>
public readonly record struct ClipRange(double Start, double End)
{
    public double Duration => End - Start;

    public static ClipRange Resolve(double sourceDuration, double startTimeOffset, double endTimeOffset)
    {
        if (double.IsNaN(startTimeOffset) || double.IsNaN(endTimeOffset) || double.IsInfinity(startTimeOffset) || double.IsInfinity(endTimeOffset))
        {
            throw Invalid("time offsets must be finite numbers");
        }

        var duration = Math.Max(0, sourceDuration);
        var start = startTimeOffset >= 0 ? startTimeOffset : Math.Max(0, duration + startTimeOffset);
        var end = endTimeOffset switch
        {
            > 0 => Math.Min(endTimeOffset, duration),
            < 0 => duration + endTimeOffset,
            _ => duration,
        };
        if (start >= duration)
        {
            throw Invalid(FormattableString.Invariant($"StartTimeOffset {startTimeOffset} s is at or past the end of the {duration:0.###} s source"));
        }

        if (end <= start)
        {
            throw Invalid(FormattableString.Invariant($"EndTimeOffset {endTimeOffset} s leaves nothing after StartTimeOffset {startTimeOffset} s (source {duration:0.###} s)"));
        }

        return new ClipRange(start, end);
    }

    private static MediaFailure Invalid(string message) => MediaFailure.Permanent(MediaErrorCodes.InvalidTimeOffset, message);
}
