using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>
    /// HeadTailParameter: the head clips, the (clipped) main content and the tail clips joined with <c>concat</c>.
    /// The main content keeps its own video chain (fps, scale, fill, subtitles …), relabelled; each clip is brought to
    /// the output's frame rate and frame (<c>fps</c>, <c>scale</c> to fit + black <c>pad</c>, <c>setsar</c>,
    /// <c>format</c>) and its audio to the output's rate and layout (<c>aformat</c>); a clip without audio contributes
    /// silence of its length (<c>anullsrc</c>). Inputs: 0 = main, then heads, then tails. Start/EndTimeOffset clip only
    /// the main content.
    /// </summary>
    private static (List<FilterChain> Graph, List<string> Maps) JoinHeadTail(
        TranscodeRequest request, MediaOptions options, List<FfmpegInput> inputs, List<FilterChain> graph, OutputGeometry geometry, IReadOnlyList<string> audioSources)
    {
        if (audioSources.Count > 1)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "HeadTailParameter joins one audio track; the template's StreamSelects asks for several.");
        }

        var withAudio = audioSources.Count == 1;
        var v = request.Template.VideoTemplate!;
        var main = request.Source;
        var (fps, fpsDenominator) = v.Fps is { } f and > 0
            ? (f, v.FpsDenominator is { } d and > 0 ? d : 1)
            : (main.Video!.FpsNumerator, Math.Max(1, main.Video.FpsDenominator));
        var sampleRate = request.Template.AudioTemplate?.SampleRate is { } rate and > 0 ? rate : main.Audio?.SampleRate ?? 48000;
        var channels = request.Template.AudioTemplate?.AudioChannel is { } ch and > 0 ? ch : main.Audio?.Channels ?? 2;
        var layout = channels >= 6 ? "5.1" : channels >= 2 ? "stereo" : "mono";
        var pixelFormat = TranscodeTemplateRules.IsTenBit(v) ? "yuv420p10le" : "yuv420p";

        const string mainVideo = "mfhtmainv", mainAudio = "mfhtmaina";
        var joined = graph.Select(c => c.OutputLabels is [VideoLabel] ? c with { OutputLabels = [mainVideo] } : c).ToList();
        var parts = new List<string>();
        void AddClip(ClipSource clip, string name)
        {
            var index = inputs.Count;
            inputs.Add(new FfmpegInput { Path = clip.Path, FormatWhitelist = options.SourceFormats });
            var video = clip.Probe.Video
                ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, $"HeadTailParameter: the {name} clip has no video stream.");
            var fit = OutputGeometry.Compute(video.Width, video.Height, new VideoTemplateInfo { ResolutionAdaptive = "close", Width = geometry.Width, Height = geometry.Height, FillType = "black" });
            var filters = new List<Filter> { new FpsFilter(fps, fpsDenominator), new ScaleFilter(fit.ScaledWidth, fit.ScaledHeight) };
            if (fit.Padded)
            {
                filters.Add(new PadFilter(fit.Width, fit.Height, fit.PadX, fit.PadY, "black"));
            }

            filters.AddRange([new SetSarFilter(), new FormatFilter(pixelFormat)]);
            var label = $"mfht{index}";
            joined.Add(new([$"{index}:v:0"], filters, [label + "v"]));
            parts.Add(label + "v");
            if (withAudio)
            {
                joined.Add(clip.Probe.HasAudio
                    ? new([$"{index}:a:0"], [new AudioFormatFilter(sampleRate, layout)], [label + "a"])
                    : new([], [new SilenceSourceFilter(sampleRate, layout, clip.Probe.Duration)], [label + "a"]));
                parts.Add(label + "a");
            }
        }

        for (var i = 0; i < request.HeadClips.Count; i++)
        {
            AddClip(request.HeadClips[i], $"head {i}");
        }

        parts.Add(mainVideo);
        if (withAudio)
        {
            joined.Add(new([audioSources[0]], [new AudioFormatFilter(sampleRate, layout)], [mainAudio]));
            parts.Add(mainAudio);
        }

        for (var i = 0; i < request.TailClips.Count; i++)
        {
            AddClip(request.TailClips[i], $"tail {i}");
        }

        const string audioLabel = "aout";
        var segments = request.HeadClips.Count + 1 + request.TailClips.Count;
        joined.Add(new(parts, [new ConcatFilter(segments, 1, withAudio ? 1 : 0)], withAudio ? [VideoLabel, audioLabel] : [VideoLabel]));
        return (joined, withAudio ? [$"[{VideoLabel}]", $"[{audioLabel}]"] : [$"[{VideoLabel}]"]);
    }
}
