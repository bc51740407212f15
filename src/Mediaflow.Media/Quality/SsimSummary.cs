namespace Mediaflow.Media.Quality;

/// <summary>Mean SSIM of a whole comparison, per plane and overall (1 = identical).</summary>
public sealed record SsimSummary(double Y, double U, double V, double All);
