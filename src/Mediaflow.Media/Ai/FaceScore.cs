namespace Mediaflow.Media.Ai;

/// <summary>
/// LBPH distance → confidence 0–100 (pure). Calibrated on the two test people (docs/media-ai.md): the same person
/// registered from one photo and seen cropped, scaled, shifted and brightened in a video came at distance 81–83; the
/// other person at 127–130.
/// Distances up to <see cref="Certain"/> give 100, from <see cref="Unrelated"/> on 0, linear between.
/// </summary>
public static class FaceScore
{
    public const double Certain = 90;
    public const double Unrelated = 120;

    public static double FromDistance(double distance) =>
        double.IsFinite(distance) ? Math.Round(100 * Math.Clamp((Unrelated - distance) / (Unrelated - Certain), 0, 1), 2) : 0;
}
