using Mediaflow.Domain.Templates;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// Pure: EnhanceConfig + TEHDConfig of a (validated) template → the <see cref="EnhancementStage"/> around the base
/// transcode plan. The mapping of every switch is docs/enhancement.md.
/// </summary>
public static class EnhancementPlanner
{
    /// <summary>The transcode planner's one hook: plan the base transcode for the enhanced template/source, then splice.</summary>
    public static TranscodePlan Around(TranscodeRequest request, Func<TranscodeRequest, TranscodePlan> planBase)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(planBase);
        var stage = Plan(request.Template, request.Source);
        if (stage.ChangesNothing)
        {
            return planBase(request);
        }

        return stage.Apply(planBase(request with { Template = stage.Template, Source = stage.Source }));
    }

    public static EnhancementStage Plan(TranscodeTemplate template, ProbeResult source)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(source);
        var wantsVideo = !template.IsAudioOnly && template.VideoTemplate is not null && source.Video is not null;
        var wantsAudio = template.RemoveAudio != 1 && template.AudioTemplate is not null && source.Audio is not null;
        var video = wantsVideo && template.EnhanceConfig?.VideoEnhance is { } v
            ? VideoEnhancement.Plan(v, template, source)
            : new VideoEnhancement([], template, source);
        var audio = wantsAudio && template.EnhanceConfig?.AudioEnhance is { } a
            ? AudioEnhancement.Filters(a, source.Audio!)
            : [];
        return new EnhancementStage
        {
            Template = video.Template,
            Source = video.Source,
            VideoFilters = video.Filters,
            AudioFilters = audio,
            Tehd = wantsVideo ? Tehd(template) : null,
        };
    }

    /// <summary>TEHD-100 CRF for x264 (one step above x264's default 23: TEHD trades a little quality for bitrate).</summary>
    public const int TehdX264Crf = 24;

    /// <summary>TEHD-100 CRF for x265 (x265's default 28 is already its efficiency point; 27 keeps parity with x264 24).</summary>
    public const int TehdX265Crf = 27;

    /// <summary>
    /// TEHD-100: CRF (Vcrf when the template gives one, else <see cref="TehdX264Crf"/>/<see cref="TehdX265Crf"/>), capped at
    /// MaxVideoBitrate and at VideoTemplate.Bitrate, whichever of them are non-zero (the lower one wins).
    /// </summary>
    public static TehdRateControl? Tehd(TranscodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!TranscodeTemplateRules.IsTehdVideo(template) || template.VideoTemplate is not { } v)
        {
            return null;
        }

        var crf = v.Vcrf is { } c and > 0 ? (int)c : v.Codec == "h265" ? TehdX265Crf : TehdX264Crf;
        var caps = new[] { template.TEHDConfig!.MaxVideoBitrate ?? 0, v.Bitrate ?? 0 }.Where(k => k > 0).ToList();
        return new TehdRateControl(crf, caps.Count > 0 ? caps.Min() * 1000 : 0);
    }
}
