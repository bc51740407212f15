namespace Mediaflow.Media.Ai.Analysis;

/// <summary>The tunables of the analysis (docs/media-ai-analysis.md lists them with their reasons).</summary>
public static class AnalysisThresholds
{
    /// <summary>A frame whose scene score reaches this starts a new shot (ffmpeg's usual cut threshold is 0.3–0.4).</summary>
    public const double SceneCut = 0.3;

    /// <summary>Shots shorter than this are merged into the previous one (flashes, dissolve steps).</summary>
    public const double MinShotSeconds = 0.5;

    /// <summary>90th-percentile luma at or below this (8-bit, video black is 16) = a black frame.</summary>
    public const double BlackLumaHigh = 32;

    /// <summary>Mean absolute luma change from the previous frame at or below this = a static frame.</summary>
    public const double StaticLumaDifference = 0.1;

    /// <summary>RMS level at or below this (dBFS) = silence.</summary>
    public const double SilenceDb = -50;

    /// <summary>A head or tail must last at least this long to be reported.</summary>
    public const double MinHeadTailSeconds = 0.5;

    /// <summary>Cover candidates: frames from this long after a shot starts …</summary>
    public const double CoverSettleSeconds = 0.2;

    /// <summary>… up to this long after it (a frame near the scene start).</summary>
    public const double CoverWindowSeconds = 2.0;

    /// <summary>Mean luma below this is too dark for a cover; above <see cref="CoverMaxLuma"/> too bright.</summary>
    public const double CoverMinLuma = 40;

    public const double CoverMaxLuma = 220;

    /// <summary>A highlight shot scores at least this share of the best shot's score.</summary>
    public const double HighlightShareOfBest = 0.5;

    public const int MaxHighlights = 5;
}
