namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// One watermark of a node (reference/mps-api.md §10 WatermarkInput): a watermark template (§13.6) by Definition, with the
/// per-task text (text templates), SVG body (svg templates) and time window.
/// </summary>
public sealed record WatermarkInput
{
    /// <summary>The watermark template; 0 = <see cref="RawParameter"/> (an inline image watermark).</summary>
    public long? Definition { get; init; }

    /// <summary>Inline image watermark of Definition 0 (transcode, screenshot and adaptive nodes); its picture is a store object.</summary>
    public RawWatermarkParameter? RawParameter { get; init; }

    /// <summary>Replaces a text template's TextContent (≤ 100 characters); not for screenshots.</summary>
    public string? TextContent { get; init; }

    /// <summary>The SVG body of an svg template (≤ 2,000,000 characters).</summary>
    public string? SvgContent { get; init; }

    /// <summary>Seconds of the output: 0/absent = from the start, n &gt; 0 from n s, −n = n s before the end.</summary>
    public double? StartTimeOffset { get; init; }

    /// <summary>Seconds of the output: 0/absent = to the end, n &gt; 0 until n s, −n = until n s before the end.</summary>
    public double? EndTimeOffset { get; init; }
}
