namespace Mediaflow.Media.QualityControl;

/// <summary>
/// What the content pass measured on one sampled picture (≈ 2 per second). Null = that detector was not in the graph
/// (or, for blur, a picture without edges). Luma/chroma figures are 8-bit code values of the ≤ 640 px analysis copy;
/// the crop box is in source pixels.
/// </summary>
public sealed record VideoSample
{
    public required double Time { get; init; }

    /// <summary><c>blurdetect</c> score.</summary>
    public double? Blur { get; init; }

    /// <summary>Luma mean.</summary>
    public double? YAvg { get; init; }

    /// <summary>Spread between the 10th and 90th percentile of Y, U and V: the widest of the three.</summary>
    public double? Spread { get; init; }

    /// <summary>Non-black rectangle (inclusive), from cropdetect.</summary>
    public (int X1, int Y1, int X2, int Y2)? Content { get; init; }

    /// <summary>Mean squared luma difference to the picture's 3×3 median: fine-grained noise energy.</summary>
    public double? NoiseMse { get; init; }

    /// <summary><c>freezedetect</c>: a freeze that began at this time is reported on this picture.</summary>
    public double? FreezeStart { get; init; }

    /// <summary><c>freezedetect</c>: a freeze ended at this time.</summary>
    public double? FreezeEnd { get; init; }

    public static VideoSample From(MetadataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double? Spread()
        {
            // As Enumerable.Max did: NaN counts as lower than any number.
            double? widest = null;
            foreach (var (high, low) in SpreadKeys)
            {
                if (frame.Number(high) - frame.Number(low) is not { } part)
                {
                    return null;
                }

                if (widest is not { } w || double.IsNaN(w) || part > w)
                {
                    widest = part;
                }
            }

            return widest;
        }

        (int, int, int, int)? Content() =>
            frame.Number("lavfi.cropdetect.x1") is { } x1 && frame.Number("lavfi.cropdetect.y1") is { } y1
            && frame.Number("lavfi.cropdetect.x2") is { } x2 && frame.Number("lavfi.cropdetect.y2") is { } y2
                ? ((int)x1, (int)y1, (int)x2, (int)y2)
                : null;

        return new VideoSample
        {
            Time = frame.Time,
            Blur = Finite(frame.Number("lavfi.blur")),
            YAvg = frame.Number("lavfi.signalstats.YAVG"),
            Spread = Spread(),
            Content = Content(),
            NoiseMse = Finite(frame.Number("lavfi.psnr.mse.y")),
            FreezeStart = frame.Number("lavfi.freezedetect.freeze_start"),
            FreezeEnd = frame.Number("lavfi.freezedetect.freeze_end"),
        };
    }

    /// <summary>The 90th and 10th percentile keys of Y, U and V (built once: <see cref="From"/> runs on every sampled picture).</summary>
    private static readonly (string High, string Low)[] SpreadKeys =
    [
        ("lavfi.signalstats.YHIGH", "lavfi.signalstats.YLOW"),
        ("lavfi.signalstats.UHIGH", "lavfi.signalstats.ULOW"),
        ("lavfi.signalstats.VHIGH", "lavfi.signalstats.VLOW"),
    ];

    /// <summary>blurdetect prints nan on pictures without edges (a solid colour): no reading.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
