namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>psnr</c>: compares its first input with its second and passes the first through with per-frame
/// <c>lavfi.psnr.mse.y</c> … in its metadata (the frame's earlier metadata kept).
/// </summary>
public sealed record PsnrFilter : Filter
{
    public override string Name => "psnr";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
