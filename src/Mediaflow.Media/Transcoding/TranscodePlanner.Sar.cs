using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    private const string SquareLabel = "mfsquare";

    /// <summary>
    /// VideoTemplate.Sar N:M other than 1:1: the finished square-pixel picture (after fill, subtitles, watermarks and
    /// head/tail clips) is resampled to non-square pixels and tagged, <c>scale=w=W·M/N:h=H,setsar=sar=N/M</c>. The display
    /// size stays the template's W×H: the height is kept and the stored width is W·M/N (rounded to even), so a player
    /// that applies the SAR shows W×H (2:1 at 640×360 stores 320×360).
    /// </summary>
    private static List<FilterChain> Anamorphic(List<FilterChain> graph, OutputGeometry geometry, (int Num, int Den) sar)
    {
        var codedWidth = Math.Max(2, 2 * (long)Math.Round(geometry.Width * sar.Den / (2.0 * sar.Num), MidpointRounding.AwayFromZero));
        var ratio = FormattableString.Invariant($"{sar.Num}/{sar.Den}");
        return
        [
            .. graph.Select(c => c.OutputLabels.Contains(VideoLabel) ? c with { OutputLabels = [.. c.OutputLabels.Select(l => l == VideoLabel ? SquareLabel : l)] } : c),
            new([SquareLabel], [new ScaleFilter(codedWidth, geometry.Height), new SetSarFilter(ratio)], [VideoLabel]),
        ];
    }
}
