namespace Mediaflow.Media.QualityControl;

/// <summary>What the content pass measured on one audio frame (4096 source samples, or 2048 at 16 kHz on the spectral branch), all channels together.</summary>
public sealed record AudioSample
{
    public required double Time { get; init; }

    /// <summary>RMS level, dBFS (−∞ for digital silence).</summary>
    public required double Rms { get; init; }

    /// <summary>Peak level, dBFS.</summary>
    public required double Peak { get; init; }

    /// <summary>astats flat factor: runs of consecutive samples at the peak (clipping); 0 when none, −∞ in silence.</summary>
    public required double FlatFactor { get; init; }

    /// <summary>Spectral flatness 0–1 (mean over channels), on the 16 kHz branch only: ≈ 0 for tones, up to ≈ 0.55 for voice, ≈ 0.8 for white noise.</summary>
    public double? Flatness { get; init; }

    /// <summary>EBU R128 momentary loudness (400 ms), LUFS.</summary>
    public double? Momentary { get; init; }

    /// <summary>EBU R128 integrated loudness of everything up to this frame, LUFS (ebur128's running <c>I</c>).</summary>
    public double? Integrated { get; init; }

    public static AudioSample From(MetadataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        // A loop, not LINQ: this runs on every audio frame (≈ 8–12 a second per branch).
        var flatnessSum = 0.0;
        var flatnessCount = 0;
        foreach (var key in frame.Values.Keys)
        {
            if (key.StartsWith("lavfi.aspectralstats.", StringComparison.Ordinal) && key.EndsWith(".flatness", StringComparison.Ordinal)
                && frame.Number(key) is { } value && double.IsFinite(value))
            {
                flatnessSum += value;
                flatnessCount++;
            }
        }

        return new AudioSample
        {
            Time = frame.Time,
            Rms = frame.Number("lavfi.astats.Overall.RMS_level") ?? double.NegativeInfinity,
            Peak = frame.Number("lavfi.astats.Overall.Peak_level") ?? double.NegativeInfinity,
            FlatFactor = frame.Number("lavfi.astats.Overall.Flat_factor") ?? 0,
            Flatness = flatnessCount > 0 ? flatnessSum / flatnessCount : null,
            Momentary = frame.Number("lavfi.r128.M"),
            Integrated = frame.Number("lavfi.r128.I"),
        };
    }
}
