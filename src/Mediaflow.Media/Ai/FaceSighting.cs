namespace Mediaflow.Media.Ai;

/// <summary>A person recognized over a time range: confidence (0–100, the best frame) and the face box of the first frame (source pixels).</summary>
public sealed record FaceSighting(string PersonId, string PersonName, double StartTimeOffset, double EndTimeOffset, double Confidence, IReadOnlyList<long> AreaCoordSet);
