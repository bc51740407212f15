namespace Mediaflow.Media.Jobs;

/// <summary><c>pixelize=width=B:height=B:mode=avg</c>: B×B blocks of their average colour (a mosaic).</summary>
public sealed record PixelizeFilter(long Block) : Filter
{
    public override string Name => "pixelize";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("width", Block), Arg("height", Block), Arg("mode", "avg")];
}
