namespace Mediaflow.Media.Jobs;

/// <summary><c>dynaudnorm</c> with its defaults: evens out sudden loudness changes (one pass, no look-ahead file).</summary>
public sealed record DynaudnormFilter : Filter
{
    public override string Name => "dynaudnorm";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
