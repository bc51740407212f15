using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Pure: the one ffmpeg run of the content pass. The first video stream is sampled at <see cref="SamplesPerSecond"/>
/// from its first frame; borders are measured on the full-size 8-bit picture (their coordinates are source pixels), everything else on a copy at most <see cref="AnalysisWidth"/> px wide, and
/// the gray frames for the frame detectors are split from that copy. The first audio stream is cut into 4096-sample
/// frames measured by astats, aspectralstats and ebur128. Only the filters the enabled items need are in the graph;
/// every measurement is printed by one metadata/ametadata print filter on stderr. When a motion detector is fed
/// (<see cref="FrameFeed.Motion"/>), the decoded video is split once before the sampling and a second gray copy at
/// <see cref="MotionFramesPerSecond"/>, at most <see cref="MotionWidth"/> px wide, goes to its own raw output.
/// </summary>
public sealed record ContentGraph(FfmpegJob Job, double VideoStep, int FrameWidth, int FrameHeight)
{
    public const int SamplesPerSecond = 2;
    public const int AnalysisWidth = 640;
    public const int AudioFrameSamples = 4096;
    public const int MotionFramesPerSecond = 15;
    public const int MotionWidth = 320;

    /// <summary>The motion feed's frame size (0 × 0 when there is none); frame <c>i</c> is at <c>i</c> × <see cref="MotionStep"/>.</summary>
    public int MotionFrameWidth { get; init; }

    public int MotionFrameHeight { get; init; }

    public double MotionStep { get; init; } = 1.0 / MotionFramesPerSecond;

    /// <summary>
    /// The motion feed carries the source's studio-range (16–235) luma as it is; its reader stretches it to full range
    /// (<see cref="StudioRange"/>) before the detectors see it. False for full-range sources (<see cref="ProbedVideoTrack.IsFullRange"/>).
    /// </summary>
    public bool MotionStudioRange { get; init; }

    /// <summary>The native feed's frame size when it has its own output (0 × 0 otherwise); its frames are the sampled ones.</summary>
    public int NativeFrameWidth { get; init; }

    public int NativeFrameHeight { get; init; }

    public static ContentGraph Build(string inputPath, ProbeResult probe, IReadOnlyDictionary<string, ItemSettings> items, string? frameOutputPath, MediaOptions options, string? motionOutputPath = null, string? nativeOutputPath = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        const double step = 1.0 / SamplesPerSecond;
        var chains = new List<FilterChain>();
        var maps = new List<string>();
        var (frameWidth, frameHeight) = AnalysisSize(probe.Video?.Width ?? 0, probe.Video?.Height ?? 0);
        var wantsVideo = items.Keys.Any(k => !ContentItem.All[k].Audio);
        var frames = frameOutputPath is not null && probe.HasVideo;
        var motion = motionOutputPath is not null && probe.HasVideo;
        var (motionWidth, motionHeight) = motion ? AnalysisSize(probe.Video?.Width ?? 0, probe.Video?.Height ?? 0, MotionWidth) : (0, 0);
        var native = nativeOutputPath is not null && probe.HasVideo ? NativeWindow(probe.Video?.Width ?? 0, probe.Video?.Height ?? 0) : null;
        var sampledInput = "0:v:0";
        if (motion)
        {
            var motionInput = "0:v:0";
            if (wantsVideo || frames)
            {
                chains.Add(new FilterChain(["0:v:0"], [new SplitFilter(2)], ["mfqcd0", "mfqcd1"]));
                (sampledInput, motionInput) = ("mfqcd0", "mfqcd1");
            }

            // Only the luma plane is scaled, by area (the default bicubic on a ≥ 3× downscale of all three planes cost
            // more than the rest of the pass). swscale's studio → full range conversion inside that scale cost more than
            // the scale itself, so the reader stretches the small frames instead (MotionStudioRange, StudioRange): the
            // frames the detectors see are within ±1 code of the ones `scale,format=gray` made (docs/quality-control-content.md).
            chains.Add(new FilterChain(
                [motionInput],
                [new SetPtsFilter(), new FpsFilter(MotionFramesPerSecond), new ExtractPlanesFilter("y"), new AreaScaleFilter(motionWidth, motionHeight), new FormatFilter("gray")],
                ["mfqcj"]));
        }

        if (probe.HasVideo && (wantsVideo || frames || native is not null))
        {
            AddVideo(chains, sampledInput, items, frames, frameWidth, frameHeight, step, native);
            if (wantsVideo)
            {
                maps.Add("[mfqcv]");
            }
        }

        var wantsAudio = items.Keys.Any(k => ContentItem.All[k].Audio);
        if (probe.HasAudio && wantsAudio)
        {
            maps.AddRange(AddAudio(chains, items).Select(label => $"[{label}]"));
        }

        var outputs = new List<FfmpegOutput>();
        if (maps.Count > 0)
        {
            outputs.Add(new FfmpegOutput
            {
                Path = "/dev/null",
                Maps = maps,
                Video = maps.Contains("[mfqcv]") ? new VideoEncoding { Encoder = "wrapped_avframe" } : null,
                Audio = maps.Any(m => m.StartsWith("[mfqca", StringComparison.Ordinal)) ? new AudioEncoding { Encoder = "pcm_s16le" } : null,
                Muxer = new PlainMuxer("null"),
            });
        }

        if (frames)
        {
            outputs.Add(new FfmpegOutput
            {
                Path = frameOutputPath!,
                Maps = ["[mfqcg]"],
                Video = new VideoEncoding { Encoder = "rawvideo", PixelFormat = "gray" },
                PassthroughTimestamps = true,
                Muxer = new PlainMuxer("rawvideo"),
            });
        }

        if (native is not null)
        {
            outputs.Add(new FfmpegOutput
            {
                Path = nativeOutputPath!,
                Maps = ["[mfqcr]"],
                Video = new VideoEncoding { Encoder = "rawvideo", PixelFormat = "gray" },
                PassthroughTimestamps = true,
                Muxer = new PlainMuxer("rawvideo"),
            });
        }

        if (motion)
        {
            outputs.Add(new FfmpegOutput
            {
                Path = motionOutputPath!,
                Maps = ["[mfqcj]"],
                Video = new VideoEncoding { Encoder = "rawvideo", PixelFormat = "gray" },
                PassthroughTimestamps = true,
                Muxer = new PlainMuxer("rawvideo"),
            });
        }

        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath, FormatWhitelist = options.SourceFormats }],
            FilterGraph = chains,
            Outputs = outputs,
            MaxPixels = options.MaxPixels,
            DebugTimestamps = probe.HasVideo && items.ContainsKey("CrashScreen"),
        };
        return new ContentGraph(job, step, frameWidth, frameHeight)
        {
            MotionFrameWidth = motionWidth,
            MotionFrameHeight = motionHeight,
            MotionStudioRange = motion && probe.Video is not { IsFullRange: true },
            NativeFrameWidth = native?.Width ?? 0,
            NativeFrameHeight = native?.Height ?? 0,
        };
    }

    /// <summary>At most <paramref name="maxWidth"/> (default <see cref="AnalysisWidth"/>) wide, aspect kept, both sides even (gray frames have no padding).</summary>
    public static (int Width, int Height) AnalysisSize(long width, long height, int maxWidth = AnalysisWidth)
    {
        if (width <= 0 || height <= 0)
        {
            return (0, 0);
        }

        var w = Math.Min(width, maxWidth);
        var h = width <= maxWidth ? height : (long)Math.Round(height * (double)maxWidth / width);
        return ((int)Math.Max(2, w - (w % 2)), (int)Math.Max(2, h - (h % 2)));
    }

    /// <summary>
    /// The native feed's window for a source wider than <see cref="AnalysisWidth"/> (null when the sampled copy is the
    /// source size, so the sampled frames are native): <see cref="AnalysisWidth"/> × at most 360 px, centred, its corner
    /// rounded down to the 16-px macroblock grid so the window's 8×8 grid is the coded one.
    /// </summary>
    public static (int Width, int Height, int X, int Y)? NativeWindow(long width, long height)
    {
        if (width <= AnalysisWidth || height < 2)
        {
            return null;
        }

        var h = (int)Math.Min(NativeHeight, height - (height % 2));
        return (AnalysisWidth, h, (int)((width - AnalysisWidth) / 2 / 16 * 16), (int)((height - h) / 2 / 16 * 16));
    }

    public const int NativeHeight = 360;

    private static void AddVideo(List<FilterChain> chains, string input, IReadOnlyDictionary<string, ItemSettings> items, bool frames, int width, int height, double step, (int Width, int Height, int X, int Y)? native)
    {
        bool Any(params string[] types) => types.Any(items.ContainsKey);
        var sampled = new List<Filter> { new SetPtsFilter(), new FpsFilter(SamplesPerSecond), new FormatFilter("yuv420p") };
        if (Any("BlackWhiteEdge"))
        {
            sampled.Add(new CropDetectFilter());
        }

        var analysed = items.Keys.Any(k => !ContentItem.All[k].Audio);
        if (native is { } window)
        {
            // The native window is cut from the full-size sampled picture, before the downscale.
            Filter[] cut = [new CropFilter(window.Width, window.Height, window.X, window.Y), new FormatFilter("gray")];
            if (!analysed && !frames)
            {
                chains.Add(new FilterChain([input], [.. sampled, .. cut], ["mfqcr"]));
                return;
            }

            sampled.Add(new SplitFilter(2));
            chains.Add(new FilterChain([input], sampled, ["mfqcr0", "mfqcr1"]));
            chains.Add(new FilterChain(["mfqcr1"], cut, ["mfqcr"]));
            input = "mfqcr0";
            sampled = [];
        }

        sampled.Add(new ScaleFilter(width, height));
        if (Any("Blur"))
        {
            sampled.Add(new BlurDetectFilter());
        }

        // Solid-colour pictures are left out of every other picture item, so signalstats runs for all of them.
        if (items.Keys.Any(k => !ContentItem.All[k].Audio))
        {
            sampled.Add(new SignalStatsFilter());
        }

        if (items.TryGetValue("Freeze", out var freeze))
        {
            // freezedetect misreports when d is below two sampling steps (every pair of samples reads as a freeze).
            sampled.Add(new FreezeDetectFilter(freeze.Threshold, Math.Max(freeze.MinDuration, 2 * step)));
        }

        var noise = Any("Noise");
        var branches = (analysed ? 1 : 0) + (frames ? 1 : 0);
        if (branches == 2)
        {
            sampled.Add(new SplitFilter(2));
        }

        var analysisLabel = branches == 2 ? "mfqcs0" : "mfqcs";
        var framesLabel = branches == 2 ? "mfqcs1" : "mfqcs";
        chains.Add(new FilterChain([input], sampled, branches == 2 ? [analysisLabel, framesLabel] : ["mfqcs"]));
        if (analysed && noise)
        {
            chains.Add(new FilterChain([analysisLabel], [new SplitFilter(2)], ["mfqcn0", "mfqcn1"]));
            chains.Add(new FilterChain(["mfqcn1"], [new RemoveGrainFilter()], ["mfqcm"]));
            chains.Add(new FilterChain(["mfqcn0", "mfqcm"], [new PsnrFilter(), new MetadataPrintFilter()], ["mfqcv"]));
        }
        else if (analysed)
        {
            chains.Add(new FilterChain([analysisLabel], [new MetadataPrintFilter()], ["mfqcv"]));
        }

        if (frames)
        {
            chains.Add(new FilterChain([framesLabel], [new FormatFilter("gray")], ["mfqcg"]));
        }
    }

    /// <summary>
    /// Levels and loudness at the source rate (clipping shows as flat tops only there); for AudioNoise a second branch
    /// resampled to 16 kHz feeds aspectralstats, so the flatness is measured on the 0–8 kHz band every codec keeps (a
    /// 64 kb/s AAC cuts the top band away, which makes white noise read as a tone over the full band).
    /// </summary>
    /// <returns>The labels to map to the null output.</returns>
    private static IReadOnlyList<string> AddAudio(List<FilterChain> chains, IReadOnlyDictionary<string, ItemSettings> items)
    {
        var levels = new List<Filter> { new AudioSetPtsFilter(), new AudioFrameSizeFilter(AudioFrameSamples), new AstatsFilter() };
        if (items.ContainsKey("LowVoice") || items.ContainsKey("HighVoice") || items.ContainsKey("AudioEvaluation"))
        {
            levels.Add(new Ebur128Filter());
        }

        levels.Add(new MetadataPrintFilter(Audio: true));
        if (!items.ContainsKey("AudioNoise") && !items.ContainsKey("AudioEvaluation"))
        {
            chains.Add(new FilterChain(["0:a:0"], levels, ["mfqca"]));
            return ["mfqca"];
        }

        chains.Add(new FilterChain(["0:a:0"], [new AudioSplitFilter(2)], ["mfqca0", "mfqca1"]));
        chains.Add(new FilterChain(["mfqca0"], levels, ["mfqcal"]));
        chains.Add(new FilterChain(
            ["mfqca1"],
            [new AudioSetPtsFilter(), new AformatFilter(SpectralSampleRate), new AudioFrameSizeFilter(SpectralFrameSamples), new AspectralStatsFilter(SpectralFrameSamples), new AstatsFilter(), new MetadataPrintFilter(Audio: true)],
            ["mfqcaf"]));
        return ["mfqcal", "mfqcaf"];
    }

    public const int SpectralSampleRate = 16000;
    public const int SpectralFrameSamples = 2048;
}
