namespace Mediaflow.Media.Jobs;

/// <summary>ISO BMFF: <c>mp4</c>, or <c>ipod</c> for .m4a; <c>+faststart</c> puts the index first for progressive playback.</summary>
public sealed record Mp4Muxer(string Format = "mp4", bool FastStart = true) : Muxer
{
    public override string Name => Format;
}
