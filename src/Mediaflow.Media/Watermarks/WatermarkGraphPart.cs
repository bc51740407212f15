using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Watermarks;

/// <summary>The chains and image inputs of <see cref="WatermarkGraph.Build"/>.</summary>
public sealed record WatermarkGraphPart(IReadOnlyList<FfmpegInput> Inputs, IReadOnlyList<FilterChain> Chains);
