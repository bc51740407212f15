namespace Mediaflow.Media.Jobs;

/// <summary><c>ssim</c>: compares its first input (distorted) with its second (reference); logs the summary line on stderr.</summary>
public sealed record SsimFilter : Filter
{
    public override string Name => "ssim";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
