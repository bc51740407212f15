namespace Mediaflow.Media.Jobs;

/// <summary>An animated image (<c>gif</c> or <c>webp</c>) that loops forever (<c>-loop 0</c>).</summary>
public sealed record AnimationMuxer(string Format) : Muxer
{
    public override string Name => Format;
}
