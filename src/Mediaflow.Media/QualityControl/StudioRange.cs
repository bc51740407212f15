namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Pure: stretches studio-range (16–235) 8-bit luma to full range (0–255) with a table, value ↦
/// clip(round((value − 16) × 255 ÷ 219)) — what swscale does when it turns a studio-range YUV picture into
/// <c>gray</c> (to ±1 code: swscale converts inside its scaler, on its 15-bit intermediate values). The content
/// pass's motion feed is stretched here, on 320 px frames, instead of inside ffmpeg's 1080p downscale, where the
/// conversion cost more than the downscale (docs/quality-control-content.md).
/// </summary>
public static class StudioRange
{
    private static readonly byte[] ToFull = [.. Enumerable.Range(0, 256).Select(v => (byte)Math.Clamp(Math.Round((v - 16) * 255.0 / 219, MidpointRounding.AwayFromZero), 0, 255))];

    /// <summary>Stretches every byte of <paramref name="luma"/> in place.</summary>
    public static void StretchToFull(Span<byte> luma)
    {
        var table = ToFull;
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = table[luma[i]];
        }
    }
}
