namespace Mediaflow.Domain.Templates;

/// <summary>
/// The system transcode presets of reference/mps-api.md §14 seeded by the spine (DESIGN §7.7): H.264 + AAC MP4
/// 100010–100080, HLS 100210–100280, the legacy short ids 10–40, and the audio-only 1010–1140; issue 04 adds H.265 + AAC
/// MP4 101010–101030 / HLS 101210–101230 and TEHD-100 H.264 MP4 100800–100840 (docs/enhancement.md).
/// Rungs: height (short side) scaled to the value, width proportional, 25 fps, AAC 44.1 kHz stereo.
/// </summary>
public static class PresetTranscodeTemplates
{
    private static readonly (long Mp4, long Hls, string Label, long Height, long VideoKbps, long AudioKbps)[] VideoRungs =
    [
        (100010, 100210, "FLU", 360, 400, 64),
        (100020, 100220, "SD", 540, 1000, 64),
        (100030, 100230, "HD", 720, 1800, 128),
        (100040, 100240, "FHD", 1080, 2500, 128),
        (100070, 100270, "2K", 1440, 3000, 160),
        (100080, 100280, "4K", 2160, 6000, 160),
    ];

    /// <summary>H.265 rungs of the VOD preset list (reference/mps-api.md §14; the list stops at 720p there).</summary>
    private static readonly (long Mp4, long Hls, string Label, long Height, long VideoKbps, long AudioKbps)[] H265Rungs =
    [
        (101010, 101210, "FLU", 360, 300, 64),
        (101020, 101220, "SD", 540, 800, 64),
        (101030, 101230, "HD", 720, 1500, 128),
    ];

    /// <summary>
    /// TEHD-100 H.264 MP4 (§14 lists the ids and heights; the caps are ours: the H.264 rung's bitrate, none for
    /// "same as source" 100800, whose size and rate are the source's).
    /// </summary>
    private static readonly (long Definition, string Label, long Height, long CapKbps, long AudioKbps)[] TehdRungs =
    [
        (100800, "Source", 0, 0, 128),
        (100810, "FLU", 360, 400, 64),
        (100820, "SD", 540, 1000, 64),
        (100830, "HD", 720, 1800, 128),
        (100840, "FHD", 1080, 2500, 128),
    ];

    private static readonly (long Definition, string Container, string Codec, long Kbps)[] AudioPresets =
    [
        (1010, "mp3", "mp3", 128),
        (1020, "mp3", "mp3", 320),
        (1100, "m4a", "aac", 24),
        (1110, "m4a", "aac", 48),
        (1120, "m4a", "aac", 96),
        (1130, "m4a", "aac", 192),
        (1140, "m4a", "aac", 256),
    ];

    private static readonly Dictionary<long, TranscodeTemplate> ByDefinition = Build().ToDictionary(t => t.Definition);

    public static IReadOnlyCollection<TranscodeTemplate> All => ByDefinition.Values;

    public static bool Contains(long definition) => ByDefinition.ContainsKey(definition);

    public static TranscodeTemplate? Find(long definition) => ByDefinition.GetValueOrDefault(definition);

    private static IEnumerable<TranscodeTemplate> Build()
    {
        foreach (var rung in VideoRungs)
        {
            yield return Video(rung.Mp4, "mp4", $"MP4-{rung.Label}", rung.Height, rung.VideoKbps, rung.AudioKbps);
            yield return Video(rung.Hls, "hls", $"HLS-{rung.Label}", rung.Height, rung.VideoKbps, rung.AudioKbps);
        }

        foreach (var rung in H265Rungs)
        {
            yield return Video(rung.Mp4, "mp4", $"MP4-H265-{rung.Label}", rung.Height, rung.VideoKbps, rung.AudioKbps, "h265");
            yield return Video(rung.Hls, "hls", $"HLS-H265-{rung.Label}", rung.Height, rung.VideoKbps, rung.AudioKbps, "h265");
        }

        foreach (var rung in TehdRungs)
        {
            var template = Video(rung.Definition, "mp4", $"TEHD-MP4-{rung.Label}", rung.Height, 0, rung.AudioKbps);
            yield return template with
            {
                VideoTemplate = template.VideoTemplate! with { Fps = rung.Height == 0 ? 0 : 25 },
                TEHDConfig = new TehdConfig { Type = TranscodeTemplateRules.TehdVideo, MaxVideoBitrate = rung.CapKbps },
            };
        }

        // Legacy short ids still used by Tencent's own examples: 10/20/30/40 = FLU/SD/HD/FHD MP4.
        for (var i = 0; i < 4; i++)
        {
            var rung = VideoRungs[i];
            yield return Video((i + 1) * 10, "mp4", $"MP4-{rung.Label}-legacy", rung.Height, rung.VideoKbps, rung.AudioKbps);
        }

        foreach (var audio in AudioPresets)
        {
            yield return new TranscodeTemplate
            {
                Definition = audio.Definition,
                Name = $"{audio.Container.ToUpperInvariant()}-{audio.Kbps}k",
                Comment = "System preset",
                Type = TemplateType.Preset,
                Container = audio.Container,
                RemoveVideo = 1,
                AudioTemplate = new AudioTemplateInfo { Codec = audio.Codec, Bitrate = audio.Kbps, SampleRate = 44100, AudioChannel = 2 },
            };
        }
    }

    private static TranscodeTemplate Video(long definition, string container, string name, long height, long videoKbps, long audioKbps, string codec = "h264") => new()
    {
        Definition = definition,
        Name = name,
        Comment = "System preset",
        Type = TemplateType.Preset,
        Container = container,
        VideoTemplate = new VideoTemplateInfo
        {
            Codec = codec,
            Fps = 25,
            Bitrate = videoKbps,
            ResolutionAdaptive = "open",
            Width = 0,
            Height = height,
            FillType = "black",
        },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = audioKbps, SampleRate = 44100, AudioChannel = 2 },
    };
}
