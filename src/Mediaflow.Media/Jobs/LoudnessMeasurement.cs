namespace Mediaflow.Media.Jobs;

/// <summary>What a <c>loudnorm</c> measure pass reports (its JSON <c>input_*</c> and <c>target_offset</c>).</summary>
public sealed record LoudnessMeasurement(double InputIntegrated, double InputTruePeak, double InputRange, double InputThreshold, double TargetOffset);
