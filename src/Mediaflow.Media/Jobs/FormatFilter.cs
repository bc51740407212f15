namespace Mediaflow.Media.Jobs;

/// <summary><c>format=pix_fmts=F</c>: pixel format for the encoder.</summary>
public sealed record FormatFilter(string PixelFormat) : Filter
{
    public override string Name => "format";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("pix_fmts", PixelFormat)];
}
