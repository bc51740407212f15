namespace Mediaflow.Domain.Templates;

/// <summary>
/// Template + patch → effective template, for ModifyTranscodeTemplate and for a task's OverrideParameter.
/// Pure; validate the result with <see cref="TranscodeTemplateRules.Validate"/>.
/// </summary>
public static class TranscodeTemplateMerge
{
    public static TranscodeTemplate Apply(TranscodeTemplate template, TranscodeTemplatePatch? patch)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (patch is null)
        {
            return template;
        }

        return template with
        {
            Name = patch.Name ?? template.Name,
            Comment = patch.Comment ?? template.Comment,
            Container = patch.Container ?? template.Container,
            RemoveVideo = patch.RemoveVideo ?? template.RemoveVideo,
            RemoveAudio = patch.RemoveAudio ?? template.RemoveAudio,
            VideoTemplate = Merge(template.VideoTemplate, patch.VideoTemplate),
            AudioTemplate = Merge(template.AudioTemplate, patch.AudioTemplate),
            TEHDConfig = Merge(template.TEHDConfig, patch.TEHDConfig),
            EnhanceConfig = patch.EnhanceConfig ?? template.EnhanceConfig,
            SubtitleTemplate = patch.SubtitleTemplate ?? template.SubtitleTemplate,
            StdExtInfo = patch.StdExtInfo ?? template.StdExtInfo,
        };
    }

    public static VideoTemplateInfo? Merge(VideoTemplateInfo? b, VideoTemplateInfo? p)
    {
        if (p is null)
        {
            return b;
        }

        if (b is null)
        {
            return ResetAuto(p);
        }

        return ResetAuto(new VideoTemplateInfo
        {
            Codec = p.Codec ?? b.Codec,
            Fps = p.Fps ?? b.Fps,
            FpsDenominator = p.FpsDenominator ?? b.FpsDenominator,
            Bitrate = p.Bitrate ?? b.Bitrate,
            ResolutionAdaptive = p.ResolutionAdaptive ?? b.ResolutionAdaptive,
            Width = p.Width ?? b.Width,
            Height = p.Height ?? b.Height,
            Gop = p.Gop ?? b.Gop,
            GopUnit = p.GopUnit ?? b.GopUnit,
            FillType = p.FillType ?? b.FillType,
            Vcrf = p.Vcrf ?? b.Vcrf,
            HlsTime = p.HlsTime ?? b.HlsTime,
            SegmentType = p.SegmentType ?? b.SegmentType,
            Stereo3dType = p.Stereo3dType ?? b.Stereo3dType,
            VideoProfile = p.VideoProfile ?? b.VideoProfile,
            VideoLevel = p.VideoLevel ?? b.VideoLevel,
            Bframes = p.Bframes ?? b.Bframes,
            Mode = p.Mode ?? b.Mode,
            Sar = p.Sar ?? b.Sar,
            NoScenecut = p.NoScenecut ?? b.NoScenecut,
            BitDepth = p.BitDepth ?? b.BitDepth,
            RawPts = p.RawPts ?? b.RawPts,
            Compress = p.Compress ?? b.Compress,
            SegmentSpecificInfo = p.SegmentSpecificInfo ?? b.SegmentSpecificInfo,
            ScenarioBased = p.ScenarioBased ?? b.ScenarioBased,
            SceneType = p.SceneType ?? b.SceneType,
            CompressType = p.CompressType ?? b.CompressType,
            ContentAdaptStream = p.ContentAdaptStream ?? b.ContentAdaptStream,
        });
    }

    public static AudioTemplateInfo? Merge(AudioTemplateInfo? b, AudioTemplateInfo? p)
    {
        if (p is null)
        {
            return b;
        }

        if (b is null)
        {
            return p;
        }

        return new AudioTemplateInfo
        {
            Codec = p.Codec ?? b.Codec,
            Bitrate = p.Bitrate ?? b.Bitrate,
            SampleRate = p.SampleRate ?? b.SampleRate,
            AudioChannel = p.AudioChannel ?? b.AudioChannel,
            TrackChannelInfo = p.TrackChannelInfo ?? b.TrackChannelInfo,
            AudioLanguage = p.AudioLanguage ?? b.AudioLanguage,
            AudioName = p.AudioName ?? b.AudioName,
            DefaultTrack = p.DefaultTrack ?? b.DefaultTrack,
            StreamSelects = p.StreamSelects ?? b.StreamSelects,
        };
    }

    /// <summary>TEHDConfigForUpdate: each absent member keeps the base value.</summary>
    public static TehdConfig? Merge(TehdConfig? b, TehdConfig? p) => p is null || b is null
        ? p ?? b
        : new TehdConfig { Type = p.Type ?? b.Type, MaxVideoBitrate = p.MaxVideoBitrate ?? b.MaxVideoBitrate };

    /// <summary><c>-1</c> in Bframes/Compress means "back to auto" (the …ForUpdate models).</summary>
    private static VideoTemplateInfo ResetAuto(VideoTemplateInfo v) => v with
    {
        Bframes = v.Bframes == -1 ? null : v.Bframes,
        Compress = v.Compress == -1 ? null : v.Compress,
    };
}
