namespace Mediaflow.Media.Ai.Subtitles;

/// <summary>
/// How speech is cut into cues (the usual broadcast limits): at most <see cref="MaxLineLength"/> characters a line and
/// <see cref="MaxLines"/> lines, at most <see cref="MaxCueSeconds"/> on screen; a cue shorter than
/// <see cref="MinCueSeconds"/> joins the next one when the pause between them is at most <see cref="MaxMergeGapSeconds"/>
/// and the joined cue still fits.
/// </summary>
public sealed record CueOptions
{
    public int MaxLineLength { get; init; } = 42;
    public int MaxLines { get; init; } = 2;
    public double MaxCueSeconds { get; init; } = 6;
    public double MinCueSeconds { get; init; } = 1.2;
    public double MaxMergeGapSeconds { get; init; } = 0.6;

    public static CueOptions Default { get; } = new();

    public int MaxCueLength => MaxLineLength * MaxLines;
}
