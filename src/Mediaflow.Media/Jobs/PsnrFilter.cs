namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>psnr</c>: compares its first input (distorted) with its second (reference), passes the first through with
/// per-frame <c>lavfi.psnr.mse.y</c> … in its metadata, and logs the summary line on stderr.
/// </summary>
public sealed record PsnrFilter : Filter
{
    public override string Name => "psnr";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
