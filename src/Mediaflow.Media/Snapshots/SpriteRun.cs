namespace Mediaflow.Media.Snapshots;

/// <summary>What a sprite node wrote: the sheets in order and every thumbnail's place on them.</summary>
public sealed record SpriteRun
{
    public required IReadOnlyList<string> Sheets { get; init; }
    public required IReadOnlyList<SpriteThumbnail> Thumbnails { get; init; }

    /// <summary>Thumbnail size.</summary>
    public long Width { get; init; }

    public long Height { get; init; }

    /// <summary>Thumbnails per full sheet (rows × columns).</summary>
    public long PerSheet { get; init; }

    /// <summary>The source video's duration: the end of the last cue.</summary>
    public double Duration { get; init; }

    public required string CommandLine { get; init; }
    public IReadOnlyList<string> LogTail { get; init; } = [];
}

/// <summary>One thumbnail: the time of its frame, its sheet (0-based) and its rectangle on the sheet.</summary>
public sealed record SpriteThumbnail(double Time, int Sheet, long X, long Y, long Width, long Height);
