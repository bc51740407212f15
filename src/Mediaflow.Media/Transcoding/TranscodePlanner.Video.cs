using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>CRF when neither a bitrate nor Vcrf says otherwise ("same as source" quality), per encoder.</summary>
    public const int DefaultX264Crf = 23;
    public const int DefaultX265Crf = 28;
    public const int DefaultSvtAv1Crf = 35;
    public const int DefaultVp9Crf = 31;
    public const int DefaultVp8Crf = 10;

    /// <summary>SVT-AV1 preset (0 slowest .. 13 fastest): 10 keeps AV1 practical on a few cores.</summary>
    public const string SvtAv1Preset = "10";

    /// <summary>libvpx speed: <c>-deadline good -cpu-used 5</c> (the fastest "good" setting that keeps quality).</summary>
    public const string VpxCpuUsed = "5";

    /// <summary>libvpx's constrained-quality mode needs a cap for VP8: used when Bitrate is 0.</summary>
    public const long Vp8CrfCapBps = 4_000_000;

    /// <summary>MPEG-2 with Bitrate 0 ("same as source"): constant quantiser <c>-q:v 3</c> (near-transparent).</summary>
    public const int Mpeg2Quality = 3;

    private static (List<FilterChain> Graph, OutputGeometry Geometry, VideoEncoding Encoding) PlanVideo(
        TranscodeTemplate template, ProbeResult source, MediaOptions options, int hlsTime)
    {
        var v = template.VideoTemplate!;
        var sourceVideo = source.Video!;
        if (sourceVideo.Width <= 0 || sourceVideo.Height <= 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoResolution, "The source's video stream has no usable size.");
        }

        var geometry = OutputGeometry.Compute(sourceVideo.Width, sourceVideo.Height, v);
        var filters = new List<Filter>();
        var fps = v.Fps ?? 0;
        var fpsDenominator = v.FpsDenominator is { } d and > 0 ? d : 1;
        if (fps == 0 && v.Codec == "mpeg2" && !IsMpeg2Rate(sourceVideo.Fps))
        {
            // MPEG-2 signals only the standard rates (ffmpeg would silently pick one): convert to the nearest explicitly.
            (fps, fpsDenominator) = NearestMpeg2Rate(sourceVideo.Fps);
        }
        if (fps > 0)
        {
            filters.Add(new FpsFilter(fps, fpsDenominator));
        }

        var pixelFormat = TranscodeTemplateRules.IsTenBit(v) ? "yuv420p10le" : "yuv420p";
        var graph = FillGraph(filters, geometry, v.FillType, pixelFormat);

        var outputFps = fps > 0 ? fps / (double)fpsDenominator : sourceVideo.Fps > 0 ? sourceVideo.Fps : 25;
        var codec = v.Codec;
        var h265 = codec == "h265";
        var x26x = codec is "h264" or "h265";
        var tagContainer = template.Container is "mp4" or "mov" || (template.Container == "hls" && v.SegmentType is 5 or 7);
        var noScenecut = v.NoScenecut == 1;
        var encoding = new VideoEncoding
        {
            Encoder = codec switch
            {
                "h264" => "libx264",
                "h265" => "libx265",
                "av1" => "libsvtav1",
                "vp8" => "libvpx",
                "vp9" => "libvpx-vp9",
                "mpeg2" => "mpeg2video",
                _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Video codec {codec} is not implemented."),
            },
            Preset = codec switch
            {
                "h264" => options.X264Preset,
                "h265" => options.X265Preset,
                "av1" => SvtAv1Preset,
                _ => null,
            },
            Profile = !x26x || v.VideoProfile is null or "" or "default" ? null : v.VideoProfile,
            Level = codec != "h264" || string.IsNullOrEmpty(v.VideoLevel) ? null : v.VideoLevel,
            Gop = Gop(v, outputFps),
            BFrames = v.Bframes is { } b and >= 0 && codec is "h264" or "h265" or "mpeg2" ? (int)b : null,
            ForceKeyFrames = template.Container == "hls" ? FormattableString.Invariant($"expr:gte(t,n_forced*{hlsTime})") : null,
            // Apple players want HEVC in MP4/MOV tagged hvc1 (ffmpeg's default is hev1); MPEG-TS has no codec tags.
            Tag = h265 && tagContainer ? "hvc1" : null,
            EncoderParams = h265 ? X265Params(v) : codec == "av1" && noScenecut ? [new("scd", "0")] : [],
            PixelFormat = pixelFormat,
            PrivateOptions = codec switch
            {
                "vp8" => [new("deadline", "good"), new("cpu-used", VpxCpuUsed)],
                "vp9" => [new("deadline", "good"), new("cpu-used", VpxCpuUsed), new("row-mt", "1")],
                // x264 places no extra key frame at a scene cut with a threshold of 0.
                "h264" when noScenecut => [new("sc_threshold", "0")],
                _ => [],
            },
        };
        return (graph, geometry, ApplyRateControl(encoding, v, sourceVideo, codec));
    }

    /// <summary>Sigma of the blurred backdrop of FillType gauss.</summary>
    public const long GaussFillSigma = 20;

    /// <summary>
    /// The video chain after fps: <c>scale</c>, then by FillType — <c>black</c>/<c>white</c> <c>pad=…:color=</c>;
    /// <c>gauss</c>: <c>split</c>, the backdrop stretched to the frame and blurred (<c>gblur</c>), the fitted picture
    /// overlaid centred; <c>smarttailor</c>: scaled to cover the frame and centre-cropped (<c>crop</c>); <c>stretch</c>
    /// (or no padding needed) scale only. Then <c>setsar</c>, <c>format</c>.
    /// </summary>
    private static List<FilterChain> FillGraph(List<Filter> head, OutputGeometry geometry, string? fillType, string pixelFormat)
    {
        var tail = new List<Filter> { new SetSarFilter(), new FormatFilter(pixelFormat) };
        if (!geometry.Padded || fillType != "gauss")
        {
            var filters = new List<Filter>(head) { new ScaleFilter(geometry.ScaledWidth, geometry.ScaledHeight) };
            if (geometry.Cropped)
            {
                filters.Add(new CropFilter(geometry.Width, geometry.Height, geometry.CropX, geometry.CropY));
            }

            if (geometry.Padded)
            {
                filters.Add(new PadFilter(geometry.Width, geometry.Height, geometry.PadX, geometry.PadY, fillType == "white" ? "white" : "black"));
            }

            filters.AddRange(tail);
            return [new(["0:v:0"], filters, [VideoLabel])];
        }

        const string background = "mfbg", foreground = "mffg", blurred = "mfbgblur", fitted = "mffgfit";
        return
        [
            new(["0:v:0"], [.. head, new SplitFilter(2)], [background, foreground]),
            new([background], [new ScaleFilter(geometry.Width, geometry.Height), new GaussianBlurFilter(GaussFillSigma)], [blurred]),
            new([foreground], [new ScaleFilter(geometry.ScaledWidth, geometry.ScaledHeight)], [fitted]),
            new([blurred, fitted], [new OverlayFilter(geometry.PadX, geometry.PadY), .. tail], [VideoLabel]),
        ];
    }

    private static bool IsMpeg2Rate(double rate) =>
        TranscodeTemplateRules.Mpeg2FrameRates.Any(r => Math.Abs(r.Fps / (double)r.Denominator - rate) < 0.001);

    /// <summary>The standard MPEG-2 rate nearest to <paramref name="rate"/> (25 when the source states none).</summary>
    public static (long Fps, long Denominator) NearestMpeg2Rate(double rate) =>
        rate > 0
            ? TranscodeTemplateRules.Mpeg2FrameRates.MinBy(r => Math.Abs(r.Fps / (double)r.Denominator - rate))
            : (25, 1);

    /// <summary>
    /// Mode / Bitrate / Vcrf → encoder rate control (B = Bitrate in kbps):
    /// <list type="bullet">
    /// <item>VCRF, or VBR with Vcrf: <c>-crf Vcrf</c> (default 23 x264 / 28 x265); with B &gt; 0 capped by
    /// <c>-maxrate B -bufsize 2B</c>.</item>
    /// <item>VBR (default) with B &gt; 0: <c>-b:v B -maxrate 1.5B -bufsize 2B</c> (average target, bounded peaks).</item>
    /// <item>ABR: <c>-b:v B</c> (av1 adds <c>-svtav1-params overshoot-pct=0</c>; vp9 is rate-controlled as CBR).
    /// CBR: <c>-b:v B -minrate B -maxrate B -bufsize B</c>.</item>
    /// <item>B = 0 ("same as source"): ABR/CBR target the source's video bitrate when the source states it; otherwise,
    /// and for VBR, the default CRF.</item>
    /// </list>
    /// </summary>
    private static VideoEncoding ApplyRateControl(VideoEncoding encoding, VideoTemplateInfo v, ProbedVideoTrack source, string codec)
    {
        var mode = v.Mode ?? "VBR";
        var bps = (v.Bitrate ?? 0) * 1000;
        var crf = v.Vcrf is { } c and > 0 ? (int)c : (int?)null;
        if (bps == 0 && mode is "ABR" or "CBR" && source.Bitrate > 0)
        {
            bps = Math.Clamp(source.Bitrate, 128_000, 100_000_000);
        }

        if (mode == "VCRF" || crf is not null || bps == 0)
        {
            return ConstantQuality(encoding, codec, crf, bps);
        }

        return mode switch
        {
            // SVT-AV1's VBR overshoots a short clip's average by 10–15 % with its default 25 % overshoot allowance.
            "ABR" when codec == "av1" => encoding with { Bitrate = bps, EncoderParams = [.. encoding.EncoderParams, new("overshoot-pct", "0")] },
            // libvpx's one-pass VBR misses the average by 25–35 % either way (measured): VP9 ABR uses its CBR rate control.
            "ABR" or "CBR" when codec == "vp9" => encoding with { Bitrate = bps, MinRate = bps, MaxRate = bps, BufferSize = bps },
            "ABR" => encoding with { Bitrate = bps },
            "CBR" => encoding with { Bitrate = bps, MinRate = bps, MaxRate = bps, BufferSize = bps },
            // SVT-AV1 takes -b:v as its VBR target and refuses a max rate in that mode.
            _ when codec == "av1" => encoding with { Bitrate = bps },
            _ => encoding with { Bitrate = bps, MaxRate = bps * 3 / 2, BufferSize = 2 * bps },
        };
    }

    /// <summary>
    /// Quality-targeted encode, capped at <paramref name="capBps"/> when non-zero: x264/x265/SVT-AV1
    /// <c>-crf N [-maxrate B -bufsize 2B]</c>; VP9 <c>-crf N -b:v B</c> (<c>-b:v 0</c> uncapped); VP8
    /// <c>-crf N -b:v B</c> (cap <see cref="Vp8CrfCapBps"/> when none); MPEG-2 (no CRF; only reached with Bitrate 0)
    /// <c>-q:v 3</c>.
    /// </summary>
    private static VideoEncoding ConstantQuality(VideoEncoding encoding, string codec, int? crf, long capBps)
    {
        switch (codec)
        {
            case "mpeg2":
                return encoding with { Quality = Mpeg2Quality };
            case "vp9":
                return encoding with { Crf = crf ?? DefaultVp9Crf, Bitrate = capBps };
            case "vp8":
                return encoding with { Crf = crf ?? DefaultVp8Crf, Bitrate = capBps > 0 ? capBps : Vp8CrfCapBps };
        }

        var value = crf ?? codec switch
        {
            "h265" => DefaultX265Crf,
            "av1" => DefaultSvtAv1Crf,
            _ => DefaultX264Crf,
        };
        return capBps > 0
            ? encoding with { Crf = value, MaxRate = capBps, BufferSize = 2 * capBps }
            : encoding with { Crf = value };
    }

    /// <summary>Gop in frames; GopUnit <c>second</c> is converted at the output frame rate. 0/absent = encoder default.</summary>
    private static int? Gop(VideoTemplateInfo v, double outputFps)
    {
        if (v.Gop is not { } gop || gop <= 0)
        {
            return null;
        }

        return v.GopUnit == "second" ? Math.Max(1, (int)Math.Round(gop * outputFps)) : (int)gop;
    }

    private static List<KeyValuePair<string, string>> X265Params(VideoTemplateInfo v)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("log-level", "error") };
        if (!string.IsNullOrEmpty(v.VideoLevel))
        {
            parameters.Add(new("level-idc", v.VideoLevel));
        }

        if (v.NoScenecut == 1)
        {
            parameters.Add(new("scenecut", "0"));
        }

        return parameters;
    }

    private static AudioEncoding PlanAudio(string container, AudioTemplateInfo a, ProbedAudioTrack source)
    {
        var encoder = a.Codec switch
        {
            "aac" => "aac",
            "mp3" => "libmp3lame",
            "flac" => "flac",
            "mp2" => "mp2",
            "opus" => "libopus",
            "vorbis" => "libvorbis",
            "ac3" => "ac3",
            "eac3" => "eac3",
            "pcm16" => "pcm_s16le",
            "pcm24" => "pcm_s24le",
            _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Audio codec {a.Codec} is not implemented."),
        };
        long? sampleRate = a.SampleRate is { } rate and > 0 ? rate : null;
        if (sampleRate is null && a.Codec == "mp3" && source.SampleRate > 48000)
        {
            sampleRate = 48000;
        }

        if (sampleRate is null && container == "mxf")
        {
            sampleRate = TranscodeTemplateRules.MxfSampleRate;
        }

        int? channels = a.AudioChannel is { } ch and > 0 ? (int)ch : null;
        if (channels is null && source.Channels > 2 && a.Codec == "mp3")
        {
            channels = 2;
        }

        return new AudioEncoding
        {
            Encoder = encoder,
            // FLAC and PCM are lossless: a bitrate does not apply to them.
            Bitrate = !TranscodeTemplateRules.IsLosslessAudio(a.Codec) && a.Bitrate is { } kbps and > 0 ? kbps * 1000 : null,
            SampleRate = sampleRate,
            Channels = channels,
        };
    }
}
