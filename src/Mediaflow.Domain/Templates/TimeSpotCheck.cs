namespace Mediaflow.Domain.Templates;

/// <summary>
/// Spot checks in seconds (spec §13.8): skip <see cref="SkipDuration"/>, inspect <see cref="CheckDuration"/>, pause
/// <see cref="CheckInterval"/>, repeat <see cref="CirclesNumber"/> times (0 or absent = until the end).
/// </summary>
public sealed record TimeSpotCheck
{
    public long? CheckDuration { get; init; }
    public long? CheckInterval { get; init; }
    public long? SkipDuration { get; init; }
    public long? CirclesNumber { get; init; }

    /// <summary>The inspected windows (start, end) in seconds within a media of <paramref name="duration"/> seconds, in order.</summary>
    public IReadOnlyList<(double Start, double End)> Windows(double duration)
    {
        var check = CheckDuration ?? 0;
        var period = check + (CheckInterval ?? 0);
        var windows = new List<(double, double)>();
        if (check <= 0)
        {
            return windows;
        }

        for (var k = 0L; CirclesNumber is not > 0 || k < CirclesNumber; k++)
        {
            var start = (double)(SkipDuration ?? 0) + (k * period);
            if (start >= duration)
            {
                break;
            }

            windows.Add((start, Math.Min(duration, start + check)));
        }

        return windows;
    }
}
