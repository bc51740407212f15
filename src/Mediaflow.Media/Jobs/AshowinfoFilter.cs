namespace Mediaflow.Media.Jobs;

/// <summary><c>ashowinfo</c>: logs each audio frame's timestamp, sample rate and channel layout as the decoder produced it.</summary>
public sealed record AshowinfoFilter : Filter
{
    public override string Name => "ashowinfo";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
