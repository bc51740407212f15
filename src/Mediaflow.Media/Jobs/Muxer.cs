namespace Mediaflow.Media.Jobs;

/// <summary>The output format (<c>-f</c>) and its typed options.</summary>
public abstract record Muxer
{
    /// <summary>ffmpeg muxer name.</summary>
    public abstract string Name { get; }
}
