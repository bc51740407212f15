namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// Evidence of one label: a time range (s) where its keywords were heard or read (or, for pictures, where the model scored
/// the frames), the engine's confidence (0–100), for text the box, for pictures the model's sub-label (<see cref="Label"/>).
/// </summary>
public sealed record ReviewHit(double StartTimeOffset, double EndTimeOffset, double Confidence, IReadOnlyList<string> Keywords, TextArea? Area, string Label = "");
