namespace Mediaflow.Media.Jobs;

/// <summary><c>deband</c> with its default thresholds: removes banding in smooth gradients.</summary>
public sealed record DebandFilter : Filter
{
    public override string Name => "deband";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
