using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// VideoEnhance → the chain run on the decoded source, in this order: denoise, artifact repair, HDR conversion,
/// low-light, colour, super-resolution, image quality, sharpening, frame interpolation (most expensive last, on the
/// cleaned picture). <see cref="Template"/>/<see cref="Source"/> are what the base planner then sees: the frame-rate
/// override and the super-resolved size.
/// </summary>
public sealed record VideoEnhancement(IReadOnlyList<Filter> Filters, TranscodeTemplate Template, ProbeResult Source)
{
    public static VideoEnhancement Plan(VideoEnhanceConfig config, TranscodeTemplate template, ProbeResult source)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(source);
        var filters = new List<Filter>();
        if (On(config.Denoise) is { } denoise)
        {
            filters.Add(denoise == "strong" ? new Hqdn3dFilter(8, 6, 12, 9) : new Hqdn3dFilter(4, 3, 6, 4.5));
        }

        if (On(config.ArtifactRepair) is { } artifact)
        {
            filters.Add(new DeblockFilter(Strong: artifact == "strong"));
            if (artifact == "strong")
            {
                filters.Add(new DebandFilter());
            }
        }

        if (On(config.Hdr) is { } hdr)
        {
            filters.AddRange(HdrConversion.Filters(hdr == "" ? "HDR10" : hdr, source.Video!, template.VideoTemplate!));
        }

        if (On(config.LowLightEnhance) is not null)
        {
            filters.Add(new EqFilter { Gamma = 1.5, Brightness = 0.02 });
        }

        if (On(config.ColorEnhance) is { } color)
        {
            filters.Add(color switch
            {
                "strong" => new EqFilter { Saturation = 1.5, Contrast = 1.08 },
                "normal" => new EqFilter { Saturation = 1.3, Contrast = 1.05 },
                _ => new EqFilter { Saturation = 1.15, Contrast = 1.03 },
            });
        }

        (template, source) = SuperResolution(config.SuperResolution, template, source, filters);
        if (On(config.ImageQualityEnhance) is { } quality)
        {
            if (quality != "weak")
            {
                filters.Add(new DebandFilter());
            }

            filters.Add(new CasFilter(quality switch { "strong" => 0.8, "normal" => 0.5, _ => 0.3 }));
        }

        if (config.SharpEnhance is { } sharp && TranscodeTemplateRules.IsOn(sharp.Switch) && sharp.Intensity is { } intensity and > 0)
        {
            filters.Add(new UnsharpFilter(1.5 * intensity));
        }

        template = FrameRate(config, template, source, filters);
        return new VideoEnhancement(filters, template, source);
    }

    /// <summary>The Type of a switched-on member ("" when it has none), or null when it is off or absent.</summary>
    private static string? On(EnhanceSwitch? member) =>
        member is not null && TranscodeTemplateRules.IsOn(member.Switch) ? member.Type ?? "" : null;

    /// <summary>
    /// SuperResolution ×2: <c>scale=2W:2H:flags=lanczos</c> then <c>cas</c> (<c>lq</c>: a light <c>hqdn3d</c> first, so the
    /// sharpening does not lift noise). The base planner sizes the output from the 2× picture (0×0 = 2× the source).
    /// Per the MPS rule, nothing happens when the template's output would not be larger than the source anyway.
    /// </summary>
    private static (TranscodeTemplate, ProbeResult) SuperResolution(SuperResolutionConfig? config, TranscodeTemplate template, ProbeResult source, List<Filter> filters)
    {
        if (config is null || !TranscodeTemplateRules.IsOn(config.Switch))
        {
            return (template, source);
        }

        var video = source.Video!;
        var (width, height) = (2 * video.Width, 2 * video.Height);
        var geometry = OutputGeometry.Compute(width, height, template.VideoTemplate!);
        if (geometry.ScaledWidth <= video.Width && geometry.ScaledHeight <= video.Height)
        {
            return (template, source);
        }

        if (Math.Max(geometry.Width, geometry.Height) > TranscodeTemplateRules.MaxDimension)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                $"SuperResolution of a {video.Width}×{video.Height} source gives {geometry.Width}×{geometry.Height}, over {TranscodeTemplateRules.MaxDimension}; set VideoTemplate Width/Height.");
        }

        if (config.Type != "hq")
        {
            filters.Add(new Hqdn3dFilter(2, 1.5, 3, 2.25));
        }

        filters.Add(new LanczosScaleFilter(width, height));
        filters.Add(new CasFilter(config.Type == "hq" ? 0.4 : 0.6));
        var doubled = video with
        {
            CodedWidth = video.Rotation is 90 or 270 ? height : width,
            CodedHeight = video.Rotation is 90 or 270 ? width : height,
        };
        return (template, source with { VideoStreams = [doubled, .. source.VideoStreams.Skip(1)] });
    }

    /// <summary>
    /// FrameRate / FrameRateWithDen: <c>minterpolate</c> to the rate, which also replaces VideoTemplate Fps/FpsDenominator.
    /// Per the MPS rule, nothing happens when the source's rate is already at least the target.
    /// </summary>
    private static TranscodeTemplate FrameRate(VideoEnhanceConfig config, TranscodeTemplate template, ProbeResult source, List<Filter> filters)
    {
        (long Num, long Den)? target = null;
        if (config.FrameRate is { Fps: > 0 } rate && TranscodeTemplateRules.IsOn(rate.Switch))
        {
            target = (rate.Fps.Value, 1);
        }
        else if (config.FrameRateWithDen is { FpsNum: > 0 } withDen && TranscodeTemplateRules.IsOn(withDen.Switch))
        {
            target = (withDen.FpsNum.Value, withDen.FpsDen is > 0 ? withDen.FpsDen.Value : 1);
        }

        var sourceFps = source.Video!.Fps;
        if (target is not { } t || (sourceFps > 0 && sourceFps >= t.Num / (double)t.Den))
        {
            return template;
        }

        filters.Add(new MinterpolateFilter(t.Num, t.Den));
        return template with { VideoTemplate = template.VideoTemplate! with { Fps = t.Num, FpsDenominator = t.Den } };
    }
}
