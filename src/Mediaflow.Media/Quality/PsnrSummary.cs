namespace Mediaflow.Media.Quality;

/// <summary>PSNR of a whole comparison in dB: per plane, the frame-weighted average and the worst/best frame (identical = +∞).</summary>
public sealed record PsnrSummary(double Y, double U, double V, double Average, double Min, double Max);
