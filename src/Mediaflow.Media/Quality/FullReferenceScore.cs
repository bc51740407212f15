namespace Mediaflow.Media.Quality;

/// <summary>SSIM and PSNR of one distorted file against its reference, measured in one decode of each.</summary>
public sealed record FullReferenceScore(SsimSummary Ssim, PsnrSummary Psnr, string CommandLine);
