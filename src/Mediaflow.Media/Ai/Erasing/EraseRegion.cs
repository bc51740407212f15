namespace Mediaflow.Media.Ai.Erasing;

/// <summary>A rectangle to erase, in source pixels: top-left corner and size.</summary>
public sealed record EraseRegion(long X, long Y, long Width, long Height)
{
    /// <summary>The region moved inside a W×H frame with a one-pixel margin (delogo needs border pixels to interpolate from); null when nothing is left.</summary>
    public EraseRegion? ClampedTo(long frameWidth, long frameHeight)
    {
        var x0 = Math.Max(1, X);
        var y0 = Math.Max(1, Y);
        var x1 = Math.Min(frameWidth - 1, X + Width);
        var y1 = Math.Min(frameHeight - 1, Y + Height);
        return x1 - x0 >= 2 && y1 - y0 >= 2 ? new EraseRegion(x0, y0, x1 - x0, y1 - y0) : null;
    }
}
