namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>One code decoded in one frame: item type (<c>QRCode</c>/<c>BarCode</c>), its text and its box in frame pixels (inclusive).</summary>
public sealed record CodeHit(string Type, string Text, int X1, int Y1, int X2, int Y2);
