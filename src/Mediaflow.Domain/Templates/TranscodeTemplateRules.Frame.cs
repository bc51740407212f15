using System.Globalization;

namespace Mediaflow.Domain.Templates;

public static partial class TranscodeTemplateRules
{
    /// <summary>Largest numerator/denominator of a Sar, and the widest ratio either way (4:1 .. 1:4).</summary>
    public const int MaxSarTerm = 255;
    public const int MaxSarRatio = 4;

    /// <summary>
    /// VideoTemplate.Sar as (N, M) when it asks for non-square pixels (<c>2:1</c>, <c>4:3</c>, …); null for
    /// <c>1:1</c>, <c>default</c> or absent. Refuses anything that is not <c>N:M</c> with 1 ≤ N, M ≤ 255 and N/M within
    /// 1/4..4, naming Sar.
    /// </summary>
    public static (int Num, int Den)? SampleAspectRatio(VideoTemplateInfo v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Sar is null or "" or "default")
        {
            return null;
        }

        var parts = v.Sar.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var num)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var den)
            || num is < 1 or > MaxSarTerm || den is < 1 or > MaxSarTerm
            || num > MaxSarRatio * den || den > MaxSarRatio * num)
        {
            throw Refuse("Sar", $"Sar '{v.Sar}' must be default or N:M (1..{MaxSarTerm} each, between 1:{MaxSarRatio} and {MaxSarRatio}:1), e.g. 1:1, 2:1, 4:3.");
        }

        return num == den ? null : (num, den);
    }

    /// <summary>
    /// NoScenecut 1 turns off key frames at scene cuts: x264 <c>-sc_threshold 0</c>, x265 <c>scenecut=0</c>, SVT-AV1
    /// <c>scd=0</c>. libvpx (vp8/vp9) and mpeg2video have no such switch in ffmpeg: refused for them.
    /// </summary>
    private static void ValidateNoScenecut(VideoTemplateInfo v)
    {
        switch (v.NoScenecut)
        {
            case null or 0:
                return;
            case 1 when v.Codec is "h264" or "h265" or "av1":
                return;
            case 1:
                throw Refuse("NoScenecut", $"NoScenecut is available for h264, h265 and av1; ffmpeg's {v.Codec} encoder has no scene-cut switch.");
            default:
                throw Refuse("NoScenecut", "NoScenecut must be 0 or 1.");
        }
    }
}
