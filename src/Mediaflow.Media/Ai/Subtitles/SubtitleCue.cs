namespace Mediaflow.Media.Ai.Subtitles;

/// <summary>One subtitle cue: shown from <paramref name="Start"/> to <paramref name="End"/> (s), its lines joined by '\n'.</summary>
public sealed record SubtitleCue(double Start, double End, string Text);
