namespace Mediaflow.Media.Jobs;

/// <summary><c>split=outputs=N</c>: one decode feeding N chains.</summary>
public sealed record SplitFilter(int Outputs) : Filter
{
    public override string Name => "split";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("outputs", Outputs)];
}
