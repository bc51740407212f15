using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

/// <summary>
/// Pure: a <see cref="TranscodeRequest"/> → the <see cref="TranscodePlan"/> (the ffmpeg job and the output layout).
/// Stream rules: an audio-only container or RemoveVideo drops video; a video output from a source without video is
/// <see cref="MediaErrorCodes.NoVideoMedia"/>; a source without audio gives an output without audio (not a failure);
/// an audio-only output from a source without audio is <see cref="MediaErrorCodes.ContentUnsupported"/>.
/// </summary>
public static partial class TranscodePlanner
{
    private const string VideoLabel = "vout";

    /// <summary>EnhanceConfig/TEHDConfig wrap the base plan (Mediaflow.Media/Enhancement, docs/enhancement.md).</summary>
    public static TranscodePlan Plan(TranscodeRequest request, MediaOptions options) =>
        Enhancement.EnhancementPlanner.Around(request, r => PlanBase(r, options));

    private static TranscodePlan PlanBase(TranscodeRequest request, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var template = request.Template;
        var source = request.Source;
        var container = template.Container;
        var outputName = PlainFileName(request.OutputFileName, "OutputFileName");
        if (!Path.IsPathFullyQualified(request.WorkDirectory))
        {
            throw new ArgumentException("WorkDirectory must be an absolute path.", nameof(request));
        }

        var wantsVideo = !template.IsAudioOnly && template.VideoTemplate is not null;
        if (wantsVideo && !source.HasVideo)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, $"Container {container} needs video, and the source has no video stream.");
        }

        var wantsAudio = template.RemoveAudio != 1 && template.AudioTemplate is not null && source.HasAudio;
        if (!wantsVideo && !wantsAudio)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, $"Container {container} needs audio, and the source has no audio stream.");
        }

        var clip = ClipRange.Resolve(source.Duration, request.StartTimeOffset, request.EndTimeOffset);
        var input = new FfmpegInput
        {
            Path = request.SourcePath,
            Seek = clip.Start > 0 ? TimeSpan.FromSeconds(clip.Start) : null,
            Duration = clip.End < source.Duration ? TimeSpan.FromSeconds(clip.Duration) : null,
            FormatWhitelist = options.SourceFormats,
        };

        var hlsTime = HlsSegmentSeconds(template);
        var maps = new List<string>();
        var graph = new List<FilterChain>();
        VideoEncoding? video = null;
        OutputGeometry? geometry = null;
        IReadOnlyList<FfmpegInput> markInputs = [];
        if (wantsVideo)
        {
            (graph, geometry, video) = PlanVideo(template, source, options, hlsTime);
            graph = BurnSubtitles(graph, SubtitleBurnIn.Parse(template.SubtitleTemplate), request, geometry);
            (graph, markInputs) = Watermarks.WatermarkGraph.Append(graph, VideoLabel, request.Marks, geometry.Width, geometry.Height, clip.Duration, 1, video.PixelFormat);
            maps.Add($"[{VideoLabel}]");
        }

        var audioTracks = new List<AudioEncoding>();
        IReadOnlyList<string> audioSources = [];
        if (wantsAudio)
        {
            (audioTracks, audioSources) = PlanAudioTracks(container, template.AudioTemplate!, source);
            maps.AddRange(audioSources);
        }

        var inputs = new List<FfmpegInput> { input };
        inputs.AddRange(markInputs); // watermark images are inputs 1..n; head/tail clips follow them
        if (request.HeadClips.Count + request.TailClips.Count > 0)
        {
            (graph, maps) = geometry is null
                ? throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, "HeadTailParameter joins video clips; this output has no video.")
                : JoinHeadTail(request, options, inputs, graph, geometry, audioSources);
        }

        if (geometry is not null && TranscodeTemplateRules.SampleAspectRatio(template.VideoTemplate!) is { } sar)
        {
            graph = Anamorphic(graph, geometry, sar);
        }

        var subtitles = AddTracks(request, options, inputs, maps, audioTracks, clip.Duration);
        // One track without add-ons keeps the plain -c:a form; several tracks get per-stream encoders (-c:a:i).
        var audio = audioTracks.Count == 1 && request.AddonAudio.Count == 0 ? audioTracks[0] : null;
        IReadOnlyList<AudioEncoding> audioStreams = audio is null ? audioTracks : [];
        var mainPath = Path.Combine(request.WorkDirectory, outputName);
        var (muxer, hls) = IsByteRange(template)
            ? PlanByteRangeHls(request, hlsTime, IsFmp4(template))
            : PlanMuxer(request, container, hlsTime, IsFmp4(template));
        var job = new FfmpegJob
        {
            Inputs = inputs,
            FilterGraph = graph,
            Outputs = [new FfmpegOutput { Path = mainPath, Maps = maps, Video = video, Audio = audio, AudioStreams = audioStreams, Subtitles = subtitles, Muxer = muxer }],
            MaxPixels = options.MaxPixels,
            Threads = options.Threads,
        };
        return new TranscodePlan { Job = job, MainPath = mainPath, Clip = clip, Geometry = geometry, Hls = hls };
    }

    /// <summary>Segment file extension of an HLS template: <c>ts</c> (SegmentType 0, 2) or <c>m4s</c> (7; 5 byte-range <c>mp4</c>).</summary>
    public static string SegmentExtension(TranscodeTemplate template) =>
        IsByteRange(template) ? (IsFmp4(template) ? "mp4" : "ts") : IsFmp4(template) ? "m4s" : "ts";

    private static bool IsFmp4(TranscodeTemplate template) => template.Container == "hls" && template.VideoTemplate?.SegmentType is 5 or 7;

    /// <summary>HlsTime, or 10 s (the MPS default) when absent or 0.</summary>
    private static int HlsSegmentSeconds(TranscodeTemplate template) =>
        template.VideoTemplate?.HlsTime is { } t and > 0 ? (int)t : 10;

    private static (Muxer Muxer, HlsLayout? Hls) PlanMuxer(TranscodeRequest request, string container, int hlsTime, bool fmp4)
    {
        switch (container)
        {
            case "mp4":
                return (new Mp4Muxer(), null);
            case "m4a":
                return (new Mp4Muxer("ipod"), null);
            case "mov":
                return (new Mp4Muxer("mov"), null);
            case "mp3" or "flac" or "flv" or "webm" or "mxf" or "ogg" or "wav":
                return (new PlainMuxer(container), null);
            case "ts":
                return (new PlainMuxer("mpegts"), null);
            case "mkv":
                return (new PlainMuxer("matroska"), null);
            case "hls":
                var stem = Path.GetFileNameWithoutExtension(request.OutputFileName);
                var extension = fmp4 ? "m4s" : "ts";
                var init = fmp4 ? PlainFileName(request.InitSegmentFileName ?? $"{stem}_init.mp4", "InitSegmentFileName") : null;
                const string prefix = ".mfseg-";
                // ffmpeg expands %-sequences in the whole segment path: escape the directory's own '%'.
                var directory = request.WorkDirectory.Replace("%", "%%", StringComparison.Ordinal);
                var muxer = new HlsMuxer
                {
                    SegmentSeconds = hlsTime,
                    SegmentPathPattern = Path.Combine(directory, $"{prefix}%05d.{extension}"),
                    SegmentType = fmp4 ? "fmp4" : "mpegts",
                    InitFileName = init,
                };
                var names = request.SegmentFileName ?? (i => $"{stem}_{i}.{extension}");
                return (muxer, new HlsLayout(prefix, extension, names, init));
            default:
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Container {container} is not implemented.");
        }
    }

    internal static string PlainFileName(string name, string what) =>
        !string.IsNullOrEmpty(name) && name == Path.GetFileName(name) && name is not ("." or "..")
            ? name
            : throw new ArgumentException($"{what} '{name}' must be a plain file name.", nameof(name));
}
