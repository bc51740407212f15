namespace Mediaflow.Media.Jobs;

/// <summary>
/// Still images (<c>-f image2</c>): one file rewritten per frame (<c>-update 1</c>, the last frame stays), or a numbered
/// sequence from 0 when the path holds a <c>%06d</c> pattern.
/// </summary>
public sealed record ImageMuxer(bool Sequence) : Muxer
{
    public override string Name => "image2";
}
