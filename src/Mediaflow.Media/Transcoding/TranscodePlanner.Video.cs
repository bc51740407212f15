using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>CRF when neither a bitrate nor Vcrf says otherwise ("same as source" quality), per encoder.</summary>
    public const int DefaultX264Crf = 23;
    public const int DefaultX265Crf = 28;

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
        if (fps > 0)
        {
            filters.Add(new FpsFilter(fps, fpsDenominator));
        }

        filters.Add(new ScaleFilter(geometry.ScaledWidth, geometry.ScaledHeight));
        if (geometry.Padded)
        {
            filters.Add(new PadFilter(geometry.Width, geometry.Height, geometry.PadX, geometry.PadY));
        }

        filters.Add(new SetSarFilter());
        filters.Add(new FormatFilter("yuv420p"));
        var graph = new List<FilterChain> { new(["0:v:0"], filters, [VideoLabel]) };

        var outputFps = fps > 0 ? fps / (double)fpsDenominator : sourceVideo.Fps > 0 ? sourceVideo.Fps : 25;
        var h265 = v.Codec == "h265";
        var encoding = new VideoEncoding
        {
            Encoder = h265 ? "libx265" : "libx264",
            Preset = h265 ? options.X265Preset : options.X264Preset,
            Profile = v.VideoProfile is null or "" or "default" ? null : v.VideoProfile,
            Level = h265 || string.IsNullOrEmpty(v.VideoLevel) ? null : v.VideoLevel,
            Gop = Gop(v, outputFps),
            BFrames = v.Bframes is { } b and >= 0 ? (int)b : null,
            ForceKeyFrames = template.Container == "hls" ? FormattableString.Invariant($"expr:gte(t,n_forced*{hlsTime})") : null,
            // Apple players want HEVC in MP4 tagged hvc1 (ffmpeg's default is hev1); MPEG-TS has no codec tags.
            Tag = h265 && (template.Container != "hls" || v.SegmentType == 7) ? "hvc1" : null,
            EncoderParams = h265 ? X265Params(v) : [],
        };
        return (graph, geometry, ApplyRateControl(encoding, v, sourceVideo, h265));
    }

    /// <summary>
    /// Mode / Bitrate / Vcrf → encoder rate control (B = Bitrate in kbps):
    /// <list type="bullet">
    /// <item>VCRF, or VBR with Vcrf: <c>-crf Vcrf</c> (default 23 x264 / 28 x265); with B &gt; 0 capped by
    /// <c>-maxrate B -bufsize 2B</c>.</item>
    /// <item>VBR (default) with B &gt; 0: <c>-b:v B -maxrate 1.5B -bufsize 2B</c> (average target, bounded peaks).</item>
    /// <item>ABR: <c>-b:v B</c>. CBR: <c>-b:v B -minrate B -maxrate B -bufsize B</c>.</item>
    /// <item>B = 0 ("same as source"): ABR/CBR target the source's video bitrate when the source states it; otherwise,
    /// and for VBR, the default CRF.</item>
    /// </list>
    /// </summary>
    private static VideoEncoding ApplyRateControl(VideoEncoding encoding, VideoTemplateInfo v, ProbedVideoTrack source, bool h265)
    {
        var mode = v.Mode ?? "VBR";
        var bps = (v.Bitrate ?? 0) * 1000;
        var crf = v.Vcrf is { } c and > 0 ? (int)c : (int?)null;
        var defaultCrf = h265 ? DefaultX265Crf : DefaultX264Crf;
        if (bps == 0 && mode is "ABR" or "CBR" && source.Bitrate > 0)
        {
            bps = Math.Clamp(source.Bitrate, 128_000, 100_000_000);
        }

        if (mode == "VCRF" || crf is not null || bps == 0)
        {
            return bps > 0
                ? encoding with { Crf = crf ?? defaultCrf, MaxRate = bps, BufferSize = 2 * bps }
                : encoding with { Crf = crf ?? defaultCrf };
        }

        return mode switch
        {
            "ABR" => encoding with { Bitrate = bps },
            "CBR" => encoding with { Bitrate = bps, MinRate = bps, MaxRate = bps, BufferSize = bps },
            _ => encoding with { Bitrate = bps, MaxRate = bps * 3 / 2, BufferSize = 2 * bps },
        };
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

        return parameters;
    }

    private static AudioEncoding PlanAudio(AudioTemplateInfo a, ProbedAudioTrack source)
    {
        var encoder = a.Codec switch
        {
            "aac" => "aac",
            "mp3" => "libmp3lame",
            "flac" => "flac",
            _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Audio codec {a.Codec} is not implemented."),
        };
        long? sampleRate = a.SampleRate is { } rate and > 0 ? rate : null;
        if (sampleRate is null && a.Codec == "mp3" && source.SampleRate > 48000)
        {
            sampleRate = 48000;
        }

        int? channels = a.AudioChannel is { } ch and > 0 ? (int)ch : null;
        if (channels is null && source.Channels > 2 && a.Codec == "mp3")
        {
            channels = 2;
        }

        return new AudioEncoding
        {
            Encoder = encoder,
            // FLAC is lossless: a bitrate does not apply to it.
            Bitrate = a.Codec != "flac" && a.Bitrate is { } kbps and > 0 ? kbps * 1000 : null,
            SampleRate = sampleRate,
            Channels = channels,
        };
    }
}
