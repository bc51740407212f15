using System.Globalization;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>libass's script height for SRT/WebVTT tracks (ffmpeg converts them to ASS with PlayResY 288): font sizes are in these units.</summary>
    public const int SubtitleScriptHeight = 288;

    /// <summary>
    /// SubtitleTemplate burn-in (from the source, or from <see cref="TranscodeRequest.SubtitleFilePath"/>): the finished video chain (its <c>[vout]</c>) goes through one more chain,
    /// <c>subtitles=filename=&lt;source&gt;:si=N:force_style='FontName=…,FontSize=…,PrimaryColour=&amp;HAABBGGRR'</c>,
    /// so the text is drawn at the output size after scaling and fill. FontSize Npx is converted to script units
    /// (N × 288 / output height), N% to N % of 288; absent → libass's default size.
    /// </summary>
    private static List<FilterChain> BurnSubtitles(List<FilterChain> graph, SubtitleBurnIn? burnIn, TranscodeRequest request, OutputGeometry geometry)
    {
        if (burnIn is null)
        {
            return graph;
        }

        // SubtitleFileInput: the caller downloads the object; its own stream StreamIndex is burnt in. Else the source's.
        var sourcePath = burnIn.File is null
            ? request.SourcePath
            : request.SubtitleFilePath ?? throw new ArgumentException("SubtitleTemplate.SubtitleFileInput needs SubtitleFilePath.", nameof(request));

        const string beforeSubtitles = "mfsubin";
        var last = graph[^1];
        if (last.OutputLabels is not [VideoLabel])
        {
            throw new InvalidOperationException("The video chain must end in [vout] before subtitles are burnt in.");
        }

        return
        [
            .. graph.Take(graph.Count - 1),
            last with { OutputLabels = [beforeSubtitles] },
            new([beforeSubtitles], [new SubtitlesFilter(sourcePath, burnIn.StreamIndex, SubtitleStyle(burnIn, geometry.Height))], [VideoLabel]),
        ];
    }

    /// <summary>The ASS style overrides of a burn-in (pure; also used by tests).</summary>
    public static string SubtitleStyle(SubtitleBurnIn burnIn, long outputHeight)
    {
        ArgumentNullException.ThrowIfNull(burnIn);
        var size = burnIn.FontSizePixels is { } px ? px * (double)SubtitleScriptHeight / outputHeight
            : burnIn.FontSizePercent is { } pct ? pct * SubtitleScriptHeight / 100
            : (double?)null;
        var alpha = (int)Math.Round((1 - burnIn.FontAlpha) * 255);
        var (r, g, b) = ((burnIn.FontColor >> 16) & 0xFF, (burnIn.FontColor >> 8) & 0xFF, burnIn.FontColor & 0xFF);
        var parts = new List<string> { $"FontName={burnIn.FontFamily}" };
        if (size is { } s)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"FontSize={Math.Round(s, 2)}"));
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"PrimaryColour=&H{alpha:X2}{b:X2}{g:X2}{r:X2}"));
        return string.Join(',', parts);
    }
}
