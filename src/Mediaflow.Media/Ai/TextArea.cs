namespace Mediaflow.Media.Ai;

/// <summary>A piece of text with its box (<c>AreaCoordSet</c> x1,y1,x2,y2 in source pixels) and confidence (0–100).</summary>
public sealed record TextArea(string Text, double Confidence, int X1, int Y1, int X2, int Y2)
{
    public IReadOnlyList<long> AreaCoordSet => [X1, Y1, X2, Y2];
}
