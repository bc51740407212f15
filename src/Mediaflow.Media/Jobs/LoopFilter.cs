namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>loop=loop=-1:size=N</c>: keeps the first N frames of its input (all of them when the input ends sooner) and plays
/// them again without end, each round's timestamps after the previous round's.
/// </summary>
public sealed record LoopFilter(long Size) : Filter
{
    /// <summary>The filter's largest buffer (frames).</summary>
    public const long MaxSize = 32767;

    public override string Name => "loop";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("loop", -1), Arg("size", Size)];
}
