namespace Mediaflow.Media.Jobs;

/// <summary><c>deesser</c> with its defaults: attenuates harsh sibilance.</summary>
public sealed record DeesserFilter : Filter
{
    public override string Name => "deesser";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
