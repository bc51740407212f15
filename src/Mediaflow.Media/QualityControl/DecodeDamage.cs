namespace Mediaflow.Media.QualityControl;

/// <summary>
/// What <see cref="DecodeDamageParser"/> found: the times of the damaged decoded video frames (seconds from the first
/// decoded frame, in order), the mean time between decoded frames and how many were decoded.
/// </summary>
public sealed record DecodeDamage(IReadOnlyList<double> Times, double FrameStep, int Frames)
{
    public static readonly DecodeDamage None = new([], 0.04, 0);
}
