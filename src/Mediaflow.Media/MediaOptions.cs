namespace Mediaflow.Media;

/// <summary>Settings of the FFmpeg layer (configuration section <c>Media</c> in the host).</summary>
public sealed record MediaOptions
{
    /// <summary>ffmpeg binary; a bare name is looked up on PATH.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>ffprobe binary; a bare name is looked up on PATH.</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>Kill an ffmpeg whose <c>-progress</c> output has not advanced for this long.</summary>
    public TimeSpan NoProgressTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Kill an ffprobe that has not finished within this long (ffprobe reports no progress).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many source probes are remembered by file identity, so an unchanged file is probed once (the task start and
    /// each node reading it); 0 turns the cache off. See <see cref="Probing.ProbeCache"/>.
    /// </summary>
    public int ProbeCacheEntries { get; init; } = 256;

    /// <summary>After SIGTERM, how long a process may take to exit before its tree is killed.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// After a process exited, how long its output pipes may stay open (held by something it started in the background)
    /// before the run fails instead of waiting for them.
    /// </summary>
    public TimeSpan PipesCloseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Decoder cap on width × height (<c>-max_pixels</c>); default 8K UHD.</summary>
    public long MaxPixels { get; init; } = 7680L * 4320;

    /// <summary>Encoder threads per output; 0 = ffmpeg decides.</summary>
    public int Threads { get; init; }

    /// <summary>x264 speed preset; veryfast is about 5× realtime for 720p on 2 cores (stack-notes §2).</summary>
    public string X264Preset { get; init; } = "veryfast";

    /// <summary>x265 speed preset.</summary>
    public string X265Preset { get; init; } = "veryfast";

    /// <summary>Font of text watermarks with FontType <c>arial.ttf</c> (Debian <c>fonts-dejavu-core</c>).</summary>
    public string LatinFontFile { get; init; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Font of text watermarks with FontType <c>simkai.ttf</c>, with CJK glyphs (Debian <c>fonts-wqy-zenhei</c>).</summary>
    public string CjkFontFile { get; init; } = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>SVG rasterizer for svg watermarks (Debian <c>librsvg2-bin</c>); a bare name is looked up on PATH.</summary>
    public string RsvgConvertPath { get; init; } = "rsvg-convert";

    /// <summary>BRISQUE model of the no-reference quality score (Debian <c>opencv-data</c>).</summary>
    public string BrisqueModelFile { get; init; } = "/usr/share/opencv4/quality/brisque_model_live.yml";

    /// <summary>BRISQUE feature ranges that go with <see cref="BrisqueModelFile"/>.</summary>
    public string BrisqueRangeFile { get; init; } = "/usr/share/opencv4/quality/brisque_range_live.yml";

    /// <summary>How many stderr lines a node log keeps.</summary>
    public int LogTailLines { get; init; } = 60;

    /// <summary>
    /// Demuxers a source may be opened with (<c>-format_whitelist</c>). Keeps playlists and concat lists (which open
    /// further files), image sequences and text "formats" away from uploaded files.
    /// </summary>
    public IReadOnlyList<string> SourceFormats { get; init; } =
    [
        "mov", "mp4", "m4a", "3gp", "matroska", "webm", "mpegts", "mpeg", "flv", "avi", "asf", "mxf", "mp3", "aac", "flac",
        "ogg", "wav", "aiff", "amr", "h264", "hevc", "m4v", "mpegvideo", "ivf", "dv", "caf", "w64",
    ];
}
