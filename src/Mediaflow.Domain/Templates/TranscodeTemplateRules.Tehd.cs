namespace Mediaflow.Domain.Templates;

/// <summary>
/// TEHDConfig ("Top Speed Codec"): <c>TEHD-100</c> is a quality-targeted video encode (Mediaflow.Media/Enhancement,
/// docs/enhancement.md) for h264/h265; <c>TEHD-200</c> (audio) is refused; empty Type = off.
/// </summary>
public static partial class TranscodeTemplateRules
{
    public const string TehdVideo = "TEHD-100";
    public const string TehdAudio = "TEHD-200";
    public const long MinVideoBitrateKbps = 128;
    public const long MaxVideoBitrateKbps = 100_000;

    /// <summary>Whether the template asks for the TEHD-100 video encode.</summary>
    public static bool IsTehdVideo(TranscodeTemplate template) => template.TEHDConfig?.Type == TehdVideo;

    private static void ValidateTehd(TranscodeTemplate template)
    {
        if (template.TEHDConfig is not { } tehd)
        {
            return;
        }

        var cap = tehd.MaxVideoBitrate ?? 0;
        switch (tehd.Type)
        {
            case null or "":
                if (cap != 0)
                {
                    throw Refuse("MaxVideoBitrate", "TEHDConfig.MaxVideoBitrate applies only with Type TEHD-100.");
                }

                return;
            case TehdVideo:
                break;
            case TehdAudio:
                throw Refuse("TEHDType", "TEHD-200 (audio Top Speed Codec) is not implemented by this server; TEHD-100 is.");
            default:
                throw Refuse("TEHDType", $"Unknown TEHDConfig.Type {tehd.Type}; TEHD-100 or empty.");
        }

        if (cap != 0 && (cap < MinVideoBitrateKbps || cap > MaxVideoBitrateKbps))
        {
            throw Refuse("MaxVideoBitrate", $"TEHDConfig.MaxVideoBitrate must be 0 (no cap) or {MinVideoBitrateKbps}..{MaxVideoBitrateKbps} kbps.");
        }

        if (template.IsAudioOnly || template.VideoTemplate is not { } video)
        {
            throw Refuse("TEHDType", "TEHD-100 is a video encode; this template writes no video.");
        }

        if (video.Codec is not ("h264" or "h265"))
        {
            throw Refuse("TEHDType", $"TEHD-100 is implemented for h264 and h265, not {video.Codec}.");
        }

        if (video.Mode is "ABR" or "CBR")
        {
            throw Refuse("TEHDType", $"TEHD-100 is a quality-targeted encode; it cannot be combined with Mode {video.Mode}.");
        }
    }
}
