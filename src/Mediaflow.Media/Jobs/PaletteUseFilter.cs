namespace Mediaflow.Media.Jobs;

/// <summary><c>paletteuse</c>: maps the frames (first input) onto the generated palette (second input).</summary>
public sealed record PaletteUseFilter : Filter
{
    public override string Name => "paletteuse";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("dither", "sierra2_4a")];
}
