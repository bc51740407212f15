namespace Mediaflow.Media.Jobs;

/// <summary><c>palettegen</c>: one optimal palette of up to <see cref="MaxColors"/> colours for the whole clip (GIF).</summary>
public sealed record PaletteGenFilter(long MaxColors) : Filter
{
    public override string Name => "palettegen";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("max_colors", MaxColors), Arg("stats_mode", "full")];
}
