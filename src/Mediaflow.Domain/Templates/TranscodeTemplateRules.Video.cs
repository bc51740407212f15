using System.Text.Json;

namespace Mediaflow.Domain.Templates;

public static partial class TranscodeTemplateRules
{
    /// <summary>Video codecs this build can produce (libx264, libx265, libsvtav1, libvpx, libvpx-vp9, mpeg2video).</summary>
    public static readonly IReadOnlySet<string> ImplementedVideoCodecs = new HashSet<string>(StringComparer.Ordinal)
    {
        "h264", "h265", "av1", "vp8", "vp9", "mpeg2",
    };

    /// <summary>
    /// Which video codec each video container holds here. Combinations ffmpeg's muxer refuses, or that players do not
    /// read (vp9 in mp4, h265 in flv), are refused at template creation naming VideoCodec.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> VideoCodecsByContainer = new(StringComparer.Ordinal)
    {
        ["mp4"] = new(StringComparer.Ordinal) { "h264", "h265", "av1" },
        ["hls"] = new(StringComparer.Ordinal) { "h264", "h265" },
        ["flv"] = new(StringComparer.Ordinal) { "h264" },
        ["ts"] = new(StringComparer.Ordinal) { "h264", "h265", "mpeg2" },
        ["webm"] = new(StringComparer.Ordinal) { "vp8", "vp9", "av1" },
        ["mkv"] = new(StringComparer.Ordinal) { "h264", "h265", "av1", "vp8", "vp9", "mpeg2" },
        ["mov"] = new(StringComparer.Ordinal) { "h264", "h265", "mpeg2" },
        ["mxf"] = new(StringComparer.Ordinal) { "mpeg2" },
    };

    /// <summary>The frame rates MPEG-2 video (and MXF) can signal, as (Fps, FpsDenominator).</summary>
    public static readonly IReadOnlyList<(long Fps, long Denominator)> Mpeg2FrameRates =
    [
        (24000, 1001), (24, 1), (25, 1), (30000, 1001), (30, 1), (50, 1), (60000, 1001), (60, 1),
    ];

    private static readonly HashSet<string> KnownVideoCodecs = new(StringComparer.Ordinal)
    {
        "h264", "h265", "h266", "av1", "vp8", "vp9", "mpeg2", "dnxhd", "mv-hevc",
    };

    private static readonly HashSet<string> H264Levels = new(StringComparer.Ordinal)
    {
        "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2", "5", "5.1",
    };

    private static readonly HashSet<string> H265Levels = new(StringComparer.Ordinal)
    {
        "1", "2", "2.1", "3", "3.1", "4", "4.1", "5", "5.1", "5.2", "6", "6.1", "6.2",
    };

    public const long MaxFps = 120;
    public const long MinDimension = 128;
    public const long MaxDimension = 4096;

    private static void ValidateVideo(string container, VideoTemplateInfo v)
    {
        var codec = v.Codec;
        if (string.IsNullOrEmpty(codec))
        {
            throw Refuse("VideoCodec", "VideoTemplate.Codec is required.");
        }

        if (!ImplementedVideoCodecs.Contains(codec))
        {
            throw Refuse("VideoCodec", KnownVideoCodecs.Contains(codec)
                ? $"Video codec {codec} is not implemented by this server; implemented: {string.Join(", ", ImplementedVideoCodecs)}."
                : $"Unknown video codec {codec}.");
        }

        if (!VideoCodecsByContainer[container].Contains(codec))
        {
            throw Refuse("VideoCodec", $"Container {container} cannot hold {codec} video; it takes {string.Join(", ", VideoCodecsByContainer[container])}.");
        }

        var fps = v.Fps ?? 0;
        var denominator = v.FpsDenominator ?? 1;
        if (denominator is < 1 or > 1001)
        {
            throw Refuse("FpsDenominator", "FpsDenominator must be 1..1001.");
        }

        if (fps < 0 || fps > MaxFps * denominator)
        {
            throw Refuse("Fps", $"Fps must be 0 (same as source) or up to {MaxFps} frames per second (Fps/FpsDenominator).");
        }

        if (fps == 0 && denominator != 1)
        {
            throw Refuse("FpsDenominator", "FpsDenominator needs a non-zero Fps.");
        }

        if (codec == "mpeg2" && fps != 0 && !Mpeg2FrameRates.Any(r => r.Fps * denominator == fps * r.Denominator))
        {
            throw Refuse("Fps", "MPEG-2 video signals only 23.976, 24, 25, 29.97, 30, 50, 59.94 or 60 frames per second (Fps/FpsDenominator).");
        }

        var bitrate = v.Bitrate ?? 0;
        if (bitrate != 0 && bitrate is < 128 or > 100_000)
        {
            throw Refuse("VideoBitrate", "Video Bitrate must be 0 (same as source) or 128..100000 kbps.");
        }

        ValidateResolution(v);
        ValidateGop(v);
        ValidateRateControl(v);
        ValidateSegmenting(container, v);
        ValidateProfileAndLevel(codec, v);
        ValidateCodecSpecific(codec, v);
        ValidateRefusedVideoFields(v);
    }

    private static void ValidateResolution(VideoTemplateInfo v)
    {
        if (v.ResolutionAdaptive is not (null or "open" or "close"))
        {
            throw Refuse("ResolutionAdaptive", "ResolutionAdaptive must be open or close.");
        }

        var width = v.Width ?? 0;
        var height = v.Height ?? 0;
        if (width != 0 && width is < MinDimension or > MaxDimension)
        {
            throw Refuse("Width", $"Width must be 0 or {MinDimension}..{MaxDimension}.");
        }

        if (height != 0 && height is < MinDimension or > MaxDimension)
        {
            throw Refuse("Height", $"Height must be 0 or {MinDimension}..{MaxDimension}.");
        }

        if (v.ResolutionAdaptive is null or "open" && width != 0 && height != 0 && width < height)
        {
            throw Refuse("Resolution", "With ResolutionAdaptive open, Width is the long side and Height the short side (Width ≥ Height).");
        }

        switch (v.FillType)
        {
            case null or "black" or "stretch" or "white" or "gauss" or "smarttailor":
                break;
            default:
                throw Refuse("FillType", $"Unknown FillType {v.FillType}.");
        }
    }

    private static void ValidateGop(VideoTemplateInfo v)
    {
        if (v.Gop is { } gop && gop is < 0 or > 100_000)
        {
            throw Refuse("Gop", "Gop must be 0 (auto) or 1..100000.");
        }

        if (v.GopUnit is not (null or "frame" or "second"))
        {
            throw Refuse("GopUnit", "GopUnit must be frame or second.");
        }
    }

    private static void ValidateRateControl(VideoTemplateInfo v)
    {
        if (v.Vcrf is { } crf && crf is < 0 or > 51)
        {
            throw Refuse("Vcrf", "Vcrf must be 0 (off) or 1..51.");
        }

        if (v.Mode is not (null or "VBR" or "ABR" or "CBR" or "VCRF"))
        {
            throw Refuse("Mode", "Mode must be VBR, ABR, CBR or VCRF.");
        }

        if (v.Vcrf is > 0 && v.Mode is "ABR" or "CBR")
        {
            // The planner would switch to CRF and drop the Mode (reference §13.1: Vcrf is used with VBR/VCRF).
            throw Refuse("Vcrf", $"Vcrf applies to Mode VBR or VCRF, not {v.Mode}.");
        }

        if (v.Bframes is { } bframes && bframes is < -1 or > 16)
        {
            throw Refuse("Bframes", "Bframes must be 0..16 (or -1 for auto).");
        }
    }

    private static void ValidateSegmenting(string container, VideoTemplateInfo v)
    {
        var hls = container == "hls";
        if (v.HlsTime is { } hlsTime && hlsTime != 0)
        {
            if (!hls)
            {
                throw Refuse("HlsTime", "HlsTime applies to the hls container only.");
            }

            if (hlsTime is < 1 or > 10)
            {
                throw Refuse("HlsTime", "HlsTime must be 1..10 seconds (0 = auto).");
            }
        }

        switch (v.SegmentType)
        {
            case null or 0:
                break;
            case 2 or 5 or 7 when hls:
                break;
            case 2 or 5 or 7:
                throw Refuse("SegmentType", "SegmentType applies to the hls container only.");
            default:
                throw Refuse("SegmentType", $"Unknown SegmentType {v.SegmentType}.");
        }
    }

    /// <summary>The output is 10-bit: BitDepth 10, or h265 VideoProfile main10.</summary>
    public static bool IsTenBit(VideoTemplateInfo v) => v.BitDepth == 10 || v.VideoProfile == "main10";

    private static void ValidateCodecSpecific(string codec, VideoTemplateInfo v)
    {
        switch (v.BitDepth)
        {
            case null or 0 or 8 or 10:
                break;
            default:
                throw Refuse("BitDepth", "BitDepth must be 8 or 10.");
        }

        if (v.BitDepth == 10 && codec is not ("h265" or "vp9" or "av1"))
        {
            throw Refuse("BitDepth", $"BitDepth 10 is available for h265 (main10), vp9 (profile 2) and av1, not {codec}.");
        }

        if (v.BitDepth == 10 && v.VideoProfile == "main")
        {
            throw Refuse("BitDepth", "BitDepth 10 needs VideoProfile main10 (or default), not main.");
        }

        if (v.VideoProfile == "main10" && v.BitDepth == 8)
        {
            throw Refuse("VideoProfile", "VideoProfile main10 is a 10-bit profile; BitDepth 8 contradicts it.");
        }

        if (codec is "vp8" or "vp9" or "av1" && v.Bframes is > 0)
        {
            // libvpx has no B-frames and SVT-AV1 picks its own prediction structure: -bf would be ignored.
            throw Refuse("Bframes", $"{codec} takes no Bframes setting; Bframes must be 0, -1 or absent.");
        }

        if (codec == "av1" && v.Mode == "CBR")
        {
            // SVT-AV1 1.4 has no CBR for its random-access structure and silently switches to VBR.
            throw Refuse("Mode", "Mode CBR is not available for av1 here; use VBR, ABR or VCRF.");
        }

        if (codec == "mpeg2" && (v.Mode == "VCRF" || v.Vcrf is > 0))
        {
            throw Refuse(v.Vcrf is > 0 ? "Vcrf" : "Mode", "MPEG-2 video has no constant rate factor; use Mode VBR, ABR or CBR.");
        }
    }

    private static void ValidateProfileAndLevel(string codec, VideoTemplateInfo v)
    {
        if (codec is not ("h264" or "h265"))
        {
            RefuseUnless(v.VideoProfile is null or "" or "default", "VideoProfile", $"VideoProfile is not available for {codec} here; leave it empty or default.");
            RefuseUnless(string.IsNullOrEmpty(v.VideoLevel), "VideoLevel", $"VideoLevel is not available for {codec} here.");
            return;
        }

        var profileOk = codec == "h264"
            ? v.VideoProfile is null or "" or "default" or "baseline" or "main" or "high"
            : v.VideoProfile is null or "" or "default" or "main" or "main10";
        if (!profileOk)
        {
            throw Refuse("VideoProfile", $"VideoProfile {v.VideoProfile} is not available for {codec} here.");
        }

        if (v.VideoProfile == "baseline" && v.Bframes is > 0)
        {
            // libx264 silently encodes baseline without B-frames: the value would be ignored.
            throw Refuse("Bframes", "VideoProfile baseline has no B-frames; Bframes must be 0 or absent.");
        }

        if (!string.IsNullOrEmpty(v.VideoLevel) && !(codec == "h264" ? H264Levels : H265Levels).Contains(v.VideoLevel))
        {
            throw Refuse("VideoLevel", $"VideoLevel {v.VideoLevel} is not a {codec} level this server produces.");
        }
    }

    private static void ValidateRefusedVideoFields(VideoTemplateInfo v)
    {
        if (!string.IsNullOrEmpty(v.Stereo3dType))
        {
            throw Refuse("Stereo3dType", "Stereo3dType applies to mv-hevc, which this server cannot produce.");
        }

        _ = SampleAspectRatio(v);
        ValidateNoScenecut(v);
        RefuseUnless(v.RawPts is null or 0, "RawPts");
        RefuseUnless(v.Compress is null or -1, "Compress");
        RefuseUnless(v.ScenarioBased is null or 0, "ScenarioBased");
        RefuseUnless(string.IsNullOrEmpty(v.SceneType), "SceneType");
        RefuseUnless(string.IsNullOrEmpty(v.CompressType), "CompressType");
        RefuseUnless(v.ContentAdaptStream is null or 0, "ContentAdaptStream");
        if (v.SegmentSpecificInfo is { } info && !IsAbsent(info) && !IsSwitchedOff(info))
        {
            throw Refuse("SegmentSpecificInfo", "SegmentSpecificInfo is not implemented by this server.");
        }
    }

    private static bool IsSwitchedOff(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("Switch", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "off";

    private static void RefuseUnless(bool ok, string field, string? message = null)
    {
        if (!ok)
        {
            throw Refuse(field, message ?? $"{field} is not implemented by this server.");
        }
    }
}
