namespace Mediaflow.Media.Jobs;

/// <summary><c>scale=w=W:h=H:flags=lanczos</c>: high-quality resize (the upscale of super-resolution).</summary>
public sealed record LanczosScaleFilter(long Width, long Height) : Filter
{
    public override string Name => "scale";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("w", Width), Arg("h", Height), Arg("flags", "lanczos")];
}
