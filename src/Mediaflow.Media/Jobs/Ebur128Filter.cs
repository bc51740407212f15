namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>ebur128=metadata=1</c>: EBU R128 loudness as frame metadata (<c>lavfi.r128.M</c> momentary, <c>lavfi.r128.S</c>
/// short-term, LUFS), passing the audio through.
/// </summary>
public sealed record Ebur128Filter : Filter
{
    public override string Name => "ebur128";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("metadata", 1)];
}
