namespace Mediaflow.Media.Jobs;

/// <summary><c>asplit=outputs=N</c>: one audio decode feeding N chains.</summary>
public sealed record AudioSplitFilter(int Outputs) : Filter
{
    public override string Name => "asplit";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("outputs", Outputs)];
}
