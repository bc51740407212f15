namespace Mediaflow.Domain.Ai;

/// <summary>An erase rectangle (SDK <c>EraseArea</c>): corners as fractions of the frame (<c>Unit</c> 1) or pixels (<c>Unit</c> 2).</summary>
public sealed record EraseArea
{
    public const long Percent = 1;
    public const long Pixels = 2;

    public double LeftTopX { get; init; }
    public double LeftTopY { get; init; }
    public double RightBottomX { get; init; }
    public double RightBottomY { get; init; }
    public long Unit { get; init; } = Percent;

    /// <summary>The rectangle in pixels of a W×H frame: (x, y, width, height).</summary>
    public (long X, long Y, long Width, long Height) InPixels(long width, long height)
    {
        var (sx, sy) = Unit == Percent ? (width, height) : (1L, 1L);
        var x0 = (long)Math.Floor(LeftTopX * sx);
        var y0 = (long)Math.Floor(LeftTopY * sy);
        return (x0, y0, (long)Math.Ceiling(RightBottomX * sx) - x0, (long)Math.Ceiling(RightBottomY * sy) - y0);
    }
}

/// <summary>Areas erased between <c>BeginMs</c> and <c>EndMs</c> (SDK <c>EraseTimeArea</c>; EndMs 0 = to the end).</summary>
public sealed record EraseTimeArea
{
    public long BeginMs { get; init; }
    public long EndMs { get; init; }
    public IReadOnlyList<EraseArea>? Areas { get; init; }
}
