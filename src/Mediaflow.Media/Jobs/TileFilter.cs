namespace Mediaflow.Media.Jobs;

/// <summary><c>tile=layout=CxR</c>: C × R consecutive frames on one sheet, row by row; a last partial sheet is padded black.</summary>
public sealed record TileFilter(long Columns, long Rows) : Filter
{
    public override string Name => "tile";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("layout", FormattableString.Invariant($"{Columns}x{Rows}"))];
}
