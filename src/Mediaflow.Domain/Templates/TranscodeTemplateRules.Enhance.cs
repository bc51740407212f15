namespace Mediaflow.Domain.Templates;

/// <summary>
/// EnhanceConfig: each member is either mapped to FFmpeg filters (Mediaflow.Media/Enhancement, docs/enhancement.md) or
/// refused naming it (<c>InvalidParameterValue.&lt;Member&gt;</c>, e.g. <c>InvalidParameterValue.FaceEnhance</c>). A member
/// that is switched off, or asks for a zero amount, asks for nothing and is accepted.
/// </summary>
public static partial class TranscodeTemplateRules
{
    public const string SwitchOn = "ON";
    public const string SwitchOff = "OFF";

    /// <summary>Hdr Type extension: HDR (PQ or HLG) → SDR BT.709 tone mapping (the MPS Types convert to HDR).</summary>
    public const string HdrToSdr = "MfSDR";

    public const long MaxFrameRateFps = 100;

    private static readonly string[] Strengths3 = ["weak", "normal", "strong"];
    private static readonly string[] Strengths2 = ["weak", "strong"];
    private static readonly string[] HdrTypes = ["HDR10", "HLG", HdrToSdr];
    private static readonly string[] BeautifyTypes = ["declick", "deesser"];
    private static readonly string[] VolumeBalanceTypes = ["loudNorm", "gainControl"];

    /// <summary>Whether an enhancement member is switched on: <c>ON</c>/<c>OFF</c>, absent = <paramref name="defaultOn"/>.</summary>
    public static bool IsOn(string? value, bool defaultOn = true) => string.IsNullOrEmpty(value) ? defaultOn : value == SwitchOn;

    /// <summary>Whether a valid template's EnhanceConfig asks for any video / audio enhancement.</summary>
    public static (bool Video, bool Audio) Enhancements(TranscodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var enhance = template.EnhanceConfig;
        return (enhance?.VideoEnhance is { } v && ValidateVideoEnhance(template, v), enhance?.AudioEnhance is { } a && ValidateAudioEnhance(a));
    }

    private static void ValidateEnhance(TranscodeTemplate template)
    {
        if (template.EnhanceConfig is not { } enhance)
        {
            return;
        }

        if (enhance.VideoEnhance is { } video && ValidateVideoEnhance(template, video) && (template.IsAudioOnly || template.VideoTemplate is null))
        {
            throw Refuse("VideoEnhance", "VideoEnhance needs a video output; this template writes no video.");
        }

        if (enhance.AudioEnhance is { } audio && ValidateAudioEnhance(audio) && (template.RemoveAudio == 1 || template.AudioTemplate is null))
        {
            throw Refuse("AudioEnhance", "AudioEnhance needs an audio output; this template writes no audio.");
        }
    }

    /// <summary>Validates every member; true when any of them asks for something.</summary>
    private static bool ValidateVideoEnhance(TranscodeTemplate template, VideoEnhanceConfig v)
    {
        var asks = false;
        var frameRate = false;
        if (v.FrameRate is { } frameRateConfig && Switched(frameRateConfig.Switch, "FrameRate") && frameRateConfig.Fps is { } fps and not 0)
        {
            Range("FrameRate", fps, 1, MaxFrameRateFps, "FrameRate.Fps");
            asks = frameRate = true;
        }

        if (v.FrameRateWithDen is { } withDen && Switched(withDen.Switch, "FrameRateWithDen") && withDen.FpsNum is { } num and not 0)
        {
            var den = withDen.FpsDen ?? 1;
            if (num < 0 || den < 1 || num / (double)den >= MaxFps)
            {
                throw Refuse("FrameRateWithDen", $"FrameRateWithDen needs FpsNum ≥ 0, FpsDen ≥ 1 and FpsNum/FpsDen < {MaxFps}.");
            }

            if (frameRate)
            {
                throw Refuse("FrameRateWithDen", "FrameRate and FrameRateWithDen are alternatives; set one of them.");
            }

            asks = true;
        }

        if (v.SuperResolution is { } superResolution && Switched(superResolution.Switch, "SuperResolution"))
        {
            OneOf("SuperResolution", superResolution.Type, ["lq", "hq"], "SuperResolution.Type");
            if (superResolution.Size is not (null or 2))
            {
                throw Refuse("SuperResolution", "SuperResolution.Size must be 2 (the only factor the MPS API defines).");
            }

            asks = true;
        }

        if (v.Hdr is { } hdr && Switched(hdr.Switch, "Hdr"))
        {
            OneOf("Hdr", hdr.Type, HdrTypes, "Hdr.Type");
            var video = template.VideoTemplate;
            if (hdr.Type != HdrToSdr && video is not null && (video.Codec is not ("h264" or "h265") || !IsTenBit(video)))
            {
                throw Refuse("Hdr", $"Hdr {(string.IsNullOrEmpty(hdr.Type) ? "HDR10" : hdr.Type)} writes HDR video: it needs VideoTemplate.Codec h264 or h265 and BitDepth 10.");
            }

            asks = true;
        }

        asks |= TypedSwitch(v.Denoise, "Denoise", Strengths2);
        asks |= TypedSwitch(v.ImageQualityEnhance, "ImageQualityEnhance", Strengths3);
        asks |= TypedSwitch(v.ColorEnhance, "ColorEnhance", Strengths3);
        asks |= TypedSwitch(v.LowLightEnhance, "LowLightEnhance", ["normal"]);
        asks |= TypedSwitch(v.ArtifactRepair, "ArtifactRepair", Strengths2);
        asks |= Intensity(v.SharpEnhance, "SharpEnhance");
        if (Intensity(v.FaceEnhance, "FaceEnhance"))
        {
            throw Refuse("FaceEnhance", "FaceEnhance needs a face-restoration model; this server has none.");
        }

        if (Intensity(v.ScratchRepair, "ScratchRepair"))
        {
            throw Refuse("ScratchRepair", "ScratchRepair (film scratch removal) has no FFmpeg filter that does it; this server refuses it.");
        }

        if (!string.IsNullOrEmpty(v.EnhanceSceneType))
        {
            throw Refuse("EnhanceSceneType", "EnhanceSceneType selects Tencent's tuned model bundles; this server has none. Set the switches explicitly.");
        }

        if (v.DiffusionEnhance is { } diffusion && Switched(diffusion.Switch, "DiffusionEnhance", defaultOn: false))
        {
            throw Refuse("DiffusionEnhance", "DiffusionEnhance needs a diffusion model; this server has none.");
        }

        if (v.AiRestoration is { } restoration && Switched(restoration.Switch, "AiRestoration", defaultOn: false))
        {
            throw Refuse("AiRestoration", "AiRestoration needs a restoration model; this server has none.");
        }

        return asks;
    }

    private static bool ValidateAudioEnhance(AudioEnhanceConfig a)
    {
        var asks = false;
        if (a.Denoise is { } denoise && Switched(denoise.Switch, "Denoise"))
        {
            if (!string.IsNullOrEmpty(denoise.Type))
            {
                throw Refuse("Denoise", "AudioEnhance.Denoise takes no Type.");
            }

            asks = true;
        }

        if (a.Separate is { } separate && Switched(separate.Switch, "Separate"))
        {
            throw Refuse("Separate", "AudioEnhance.Separate (voice/background separation) needs a source-separation model; this server has none.");
        }

        asks |= TypedSwitch(a.VolumeBalance, "VolumeBalance", VolumeBalanceTypes);
        if (a.Beautify is { } beautify && Switched(beautify.Switch, "Beautify"))
        {
            foreach (var type in beautify.Types ?? [])
            {
                OneOf("Beautify", type, BeautifyTypes, "Beautify.Types");
            }

            asks = true;
        }

        return asks;
    }

    /// <summary>Switch is absent, ON or OFF (else refused naming <paramref name="field"/>); true when on.</summary>
    private static bool Switched(string? value, string field, bool defaultOn = true)
    {
        if (!string.IsNullOrEmpty(value) && value is not (SwitchOn or SwitchOff))
        {
            throw Refuse(field, $"{field}.Switch must be ON or OFF.");
        }

        return IsOn(value, defaultOn);
    }

    private static bool TypedSwitch(EnhanceSwitch? member, string field, string[] types)
    {
        if (member is null || !Switched(member.Switch, field))
        {
            return false;
        }

        OneOf(field, member.Type, types, $"{field}.Type");
        return true;
    }

    private static bool Intensity(EnhanceIntensity? member, string field)
    {
        if (member is null || !Switched(member.Switch, field))
        {
            return false;
        }

        if (member.Intensity is { } i && (double.IsNaN(i) || i < 0 || i > 1))
        {
            throw Refuse(field, $"{field}.Intensity must be between 0.0 and 1.0.");
        }

        return member.Intensity is > 0;
    }

    private static void OneOf(string field, string? value, string[] allowed, string what)
    {
        if (!string.IsNullOrEmpty(value) && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Refuse(field, $"{what} must be one of {string.Join(", ", allowed)}.");
        }
    }

    private static void Range(string field, long value, long min, long max, string what)
    {
        if (value < min || value > max)
        {
            throw Refuse(field, $"{what} must be between {min} and {max}.");
        }
    }
}
