namespace Mediaflow.Media.Jobs;

/// <summary>A muxer without options we set (<c>mp3</c>, <c>flac</c>, …).</summary>
public sealed record PlainMuxer(string Format) : Muxer
{
    public override string Name => Format;
}
