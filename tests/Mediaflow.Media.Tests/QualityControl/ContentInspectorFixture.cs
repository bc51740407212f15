using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>Generates lavfi clips with a defect at a known time and runs the real content pass on them.</summary>
internal static class ContentInspectorFixture
{
    /// <summary>Where every generated defect starts and ends (seconds).</summary>
    public const double DefectStart = 2, DefectEnd = 3.5;

    public const string Defect = "enable='between(t,2,3.5)'";

    public static async Task<string> PictureAsync(string directory, string name, string videoFilter, string source = "testsrc2=size=640x360:rate=25:duration=5") =>
        await TestMedia.GenerateAsync(directory, name,
            ["-f", "lavfi", "-i", source, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5",
             "-vf", videoFilter, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "16", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest"]);

    public static async Task<string> SoundAsync(string directory, string name, string audioGraph, string audioCodec = "aac", string container = "mp4") =>
        await TestMedia.GenerateAsync(directory, name + "." + container,
            ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=5", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5",
             "-f", "lavfi", "-i", "anoisesrc=color=white:amplitude=0.3:sample_rate=48000:duration=5",
             "-filter_complex", audioGraph, "-map", "0:v", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", audioCodec]);

    /// <summary>The frame detectors of picture items (no models needed): blockiness, white borders, camera shake.</summary>
    public static IReadOnlyList<IFrameDetector> PictureDetectors() =>
        [new Mediaflow.Media.QualityControl.Frames.BlockinessFrameDetector(), new Mediaflow.Media.QualityControl.Frames.WhiteEdgeFrameDetector(), new Mediaflow.Media.QualityControl.Frames.JitterFrameDetector()];

    /// <summary>Every content item plus the picture frame detectors' items.</summary>
    public static IEnumerable<QcItemRequest> AllPictureItems() =>
        ContentItem.All.Keys.Concat(PictureDetectors().SelectMany(d => d.ItemTypes)).Distinct().Select(k => new QcItemRequest(k));

    public static async Task<QcReport> InspectAsync(MediaServices media, string path, string workDirectory, IReadOnlyList<QcItemRequest>? items = null, IEnumerable<IFrameDetector>? detectors = null)
    {
        var probe = await media.Prober.ProbeAsync(path, CancellationToken.None);
        var inspector = new ContentInspector(media.Options, media.Runner, detectors ?? []);
        items ??= [.. ContentItem.All.Keys.Select(k => new QcItemRequest(k))];
        return await inspector.InspectAsync(new QcInspection(path, probe, items, workDirectory), new Progress<double>(), CancellationToken.None);
    }
}
