using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>No false alarm: three different clean sources, every content item and picture frame detector enabled, no finding.</summary>
public class ContentInspectorCleanTests
{
    public static TheoryData<string, string[]> Sources => new()
    {
        {
            "testsrc2-tone",
            ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=5", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5",
             "-map", "0:v", "-map", "1:a"]
        },
        {
            "bars-moving-box-speech",
            ["-f", "lavfi", "-i", "smptehdbars=size=640x360:rate=25:duration=5", "-f", "lavfi", "-i", "color=white:size=80x80:rate=25:duration=5",
             "-f", "lavfi", "-i", "flite=text='the quick brown fox jumps over the lazy dog and then it keeps running far away':voice=rms",
             "-filter_complex", "[0:v][1:v]overlay=x='mod(t*100,560)':y=140[v];[2:a]aresample=48000[a]", "-map", "[v]", "-map", "[a]", "-t", "5"]
        },
        {
            "mandelbrot-chord",
            ["-f", "lavfi", "-i", "mandelbrot=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000",
             "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000", "-filter_complex", "[1:a]volume=0.5[x];[x][2:a]amix=inputs=2[a]",
             "-map", "0:v", "-map", "[a]", "-t", "5"]
        },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Inspect_CleanSource_NoFinding(string name, string[] input)
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await TestMedia.GenerateAsync(dir.Path, name + ".mp4",
            [.. input, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "16", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k"]);

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        Assert.Empty(report.Findings);
        Assert.Contains("metadata=mode=print", report.CommandLine, StringComparison.Ordinal);
    }
}
