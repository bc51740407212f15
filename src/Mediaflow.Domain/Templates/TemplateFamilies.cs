namespace Mediaflow.Domain.Templates;

/// <summary>
/// The template families beside Transcode, with their presets (reference/mps-api.md §14; DESIGN §7.7): snapshot, sample
/// and sprite preset <c>10</c> as the spec lists them; animated graphics and adaptive streaming presets are our own ids.
/// Per-account limits are ours (the spec gives none).
/// </summary>
public static class TemplateFamilies
{
    private const string PresetComment = "System preset";

    public static readonly TemplateFamily<SnapshotByTimeOffsetTemplate> SnapshotByTimeOffset = new()
    {
        Name = "SnapshotByTimeOffset",
        MaxPerAccount = 100,
        Validate = ImageTemplateRules.ValidateSnapshot,
        UsedBy = para => para.SnapshotByTimeOffsetTask?.Definition,
        Presets =
        [
            new() { Definition = 10, Name = "JPG-source-size", Comment = PresetComment, Type = TemplateType.Preset, Format = "jpg", FillType = "stretch" },
        ],
    };

    public static readonly TemplateFamily<SampleSnapshotTemplate> SampleSnapshot = new()
    {
        Name = "SampleSnapshot",
        MaxPerAccount = 100,
        Validate = ImageTemplateRules.ValidateSample,
        UsedBy = para => para.SampleSnapshotTask?.Definition,
        Presets =
        [
            new()
            {
                Definition = 10, Name = "JPG-every-10-percent", Comment = PresetComment, Type = TemplateType.Preset,
                SampleType = "Percent", SampleInterval = 10, Format = "jpg", FillType = "stretch",
            },
        ],
    };

    public static readonly TemplateFamily<ImageSpriteTemplate> ImageSprite = new()
    {
        Name = "ImageSprite",
        MaxPerAccount = 100,
        Validate = ImageTemplateRules.ValidateSprite,
        UsedBy = para => para.ImageSpriteTask?.Definition,
        Presets =
        [
            new()
            {
                Definition = 10, Name = "JPG-142x80-10x10-every-10s", Comment = PresetComment, Type = TemplateType.Preset,
                SampleType = "Time", SampleInterval = 10, RowCount = 10, ColumnCount = 10, Width = 142, Height = 80,
                ResolutionAdaptive = "close", Format = "jpg", FillType = "stretch",
            },
        ],
    };

    public static readonly TemplateFamily<AnimatedGraphicsTemplate> AnimatedGraphics = new()
    {
        Name = "AnimatedGraphics",
        MaxPerAccount = 100,
        Validate = ImageTemplateRules.ValidateAnimated,
        UsedBy = para => para.AnimatedGraphicTask?.Definition,
        Presets =
        [
            new() { Definition = 10, Name = "GIF-10fps-source-size", Comment = PresetComment, Type = TemplateType.Preset, Fps = 10, Format = "gif", Quality = 75 },
            new() { Definition = 20, Name = "GIF-10fps-480", Comment = PresetComment, Type = TemplateType.Preset, Fps = 10, Width = 480, Format = "gif", Quality = 75 },
            new() { Definition = 30, Name = "WEBP-15fps-480", Comment = PresetComment, Type = TemplateType.Preset, Fps = 15, Width = 480, Format = "webp", Quality = 75 },
        ],
    };

    public static readonly TemplateFamily<WatermarkTemplate> Watermark = new()
    {
        Name = "Watermark",
        MaxPerAccount = 1000,
        Validate = WatermarkTemplateRules.ValidateWatermark,
        UsedByAll = para => Orchestrations.WatermarkTaskRules.WatermarksOf(para).Select(w => w.Definition ?? 0),
        ImmutableType = true,
        ForDescribe = WatermarkTemplate.WithImageUrl,
    };

    public static readonly TemplateFamily<AdaptiveDynamicStreamingTemplate> AdaptiveDynamicStreaming = new()
    {
        Name = "AdaptiveDynamicStreaming",
        MaxPerAccount = 100,
        Validate = StoredOnlyTemplateRules.ValidateAdaptive,
        UsedBy = para => para.AdaptiveDynamicStreamingTask?.Definition,
        Presets = [AdaptivePreset(10, "HLS", "ts-segment"), AdaptivePreset(20, "MPEG-DASH", "mp4-byterange")],
    };

    private static AdaptiveDynamicStreamingTemplate AdaptivePreset(long definition, string format, string segmentType) => new()
    {
        Definition = definition,
        Name = $"{format}-360-540-720",
        Comment = PresetComment,
        Type = TemplateType.Preset,
        Format = format,
        SegmentType = segmentType,
        StreamInfos = [.. new[] { (360L, 400L, 64L), (540L, 1000L, 64L), (720L, 1800L, 128L) }.Select(rung => new AdaptiveStreamTemplate
        {
            Video = new VideoTemplateInfo { Codec = "h264", Fps = 25, Bitrate = rung.Item2, ResolutionAdaptive = "open", Width = 0, Height = rung.Item1, FillType = "black" },
            Audio = new AudioTemplateInfo { Codec = "aac", Bitrate = rung.Item3, SampleRate = 44100, AudioChannel = 2 },
        })],
    };
}
