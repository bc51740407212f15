namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Everything one content pass measured: sampled pictures every <see cref="VideoStep"/> s, audio frames at the source
/// rate (<see cref="Audio"/>) and on the 16 kHz spectral branch (<see cref="Spectral"/>, with flatness), source geometry.
/// </summary>
public sealed record ContentMeasurements(IReadOnlyList<VideoSample> Video, IReadOnlyList<AudioSample> Audio, double VideoStep, int Width, int Height, double Duration)
{
    public IReadOnlyList<AudioSample> Spectral { get; init; } = [];

    /// <summary>The decoded video frames that carried decode damage (<c>CrashScreen</c>; empty unless it is enabled).</summary>
    public DecodeDamage Damage { get; init; } = DecodeDamage.None;
}
