namespace Mediaflow.Media.Jobs;

/// <summary>
/// One soft subtitle stream of an output: its encoder (<c>mov_text</c>, <c>subrip</c>, <c>ass</c>, <c>webvtt</c>) and the
/// stream's tags (<c>-metadata:s:s:i language=… title=…</c>, <c>-disposition:s:i default</c>).
/// </summary>
public sealed record SubtitleEncoding
{
    public required string Encoder { get; init; }

    /// <summary>Language code (<c>eng</c>); null = none.</summary>
    public string? Language { get; init; }

    /// <summary>The track's title (also the MP4 handler name); null = none.</summary>
    public string? Title { get; init; }

    /// <summary>The player's default subtitle track.</summary>
    public bool Default { get; init; }
}
