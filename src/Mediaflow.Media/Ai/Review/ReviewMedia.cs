namespace Mediaflow.Media.Ai.Review;

/// <summary>The source a review reads: its path, duration (s), video size and duration (0 without video), and whether it has audio.</summary>
public sealed record ReviewMedia(string Path, double Duration, int Width, int Height, double VideoDuration, bool HasAudio);
