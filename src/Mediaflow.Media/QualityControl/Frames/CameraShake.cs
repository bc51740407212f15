namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>The global shift of one motion frame against the one before it, in pixels of a 320 px wide picture.</summary>
public readonly record struct FrameMotion(double Time, double Dx, double Dy);

/// <summary>
/// Pure: <c>Jitter</c> (camera shake) from the global motion between consecutive frames. On each axis a shift of at
/// least <c>minShift</c> px is a move; a move against the direction of the previous move on that axis is a
/// <b>reversal</b>. A shake is where reversals come at least <c>reversalsPerSecond</c> in one second: every frame from
/// the first to the last of <c>⌈reversalsPerSecond⌉</c> reversals spanning at most 1 s is flagged. A pan (moves in one
/// direction) has no reversal; a camera that stops and goes back has one.
/// </summary>
public static class CameraShake
{
    public const double DefaultMinShift = 2, DefaultReversalsPerSecond = 3;

    /// <summary>The times of the reversals on either axis, in time order.</summary>
    public static IReadOnlyList<double> Reversals(IReadOnlyList<FrameMotion> motions, double minShift)
    {
        ArgumentNullException.ThrowIfNull(motions);
        var times = new List<double>();
        int lastX = 0, lastY = 0;
        foreach (var m in motions)
        {
            if (IsReversal(m.Dx, minShift, ref lastX) | IsReversal(m.Dy, minShift, ref lastY))
            {
                times.Add(m.Time);
            }
        }

        return times;
    }

    /// <summary>Per motion (same order), whether it lies inside a shake.</summary>
    public static IReadOnlyList<bool> Flags(IReadOnlyList<FrameMotion> motions, double minShift, double reversalsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(motions);
        var reversals = Reversals(motions, minShift);
        var count = Math.Max(1, (int)Math.Ceiling(reversalsPerSecond - 1e-9));
        var spans = new List<(double Start, double End)>();
        for (var j = 0; j + count - 1 < reversals.Count; j++)
        {
            if (reversals[j + count - 1] - reversals[j] <= 1 + 1e-9)
            {
                spans.Add((reversals[j], reversals[j + count - 1]));
            }
        }

        return [.. motions.Select(m => spans.Any(s => m.Time >= s.Start - 1e-9 && m.Time <= s.End + 1e-9))];
    }

    private static bool IsReversal(double shift, double minShift, ref int lastSign)
    {
        if (Math.Abs(shift) < minShift)
        {
            return false;
        }

        var sign = Math.Sign(shift);
        var reversed = lastSign != 0 && sign != lastSign;
        lastSign = sign;
        return reversed;
    }
}
