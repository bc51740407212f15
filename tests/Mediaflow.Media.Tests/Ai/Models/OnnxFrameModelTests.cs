using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai.Models;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Models;

/// <summary>The configurable-model mechanism on a model built at test time: validation on load, scoring, classification of real frames.</summary>
public sealed class OnnxFrameModelTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Load_BrightnessModel_SizeLabelsAndScores()
    {
        var (model, labels) = await TestModels.BuildAsync(temp.Path, "brightness", "dark", "bright");
        using var loaded = OnnxFrameModel.Load(model, labels);
        Assert.Equal((8, 8), (loaded.Width, loaded.Height));
        Assert.Equal(["dark", "bright"], loaded.Labels);

        var white = loaded.Score(Enumerable.Repeat((byte)230, 8 * 8 * 3).ToArray());
        var black = loaded.Score(Enumerable.Repeat((byte)20, 8 * 8 * 3).ToArray());
        Assert.True(white[1] > 0.9 && white[0] < 0.1, $"white scored [{string.Join(", ", white)}]");
        Assert.True(black[0] > 0.9 && black[1] < 0.1, $"black scored [{string.Join(", ", black)}]");
    }

    [Fact]
    public async Task Load_NotAnImageModel_RefusedSayingWhatIsWrong()
    {
        var (model, labels) = await TestModels.BuildAsync(temp.Path, "vector", "a", "b", "c", "d", "e", "f", "g", "h");
        var failure = Assert.Throws<MediaFailure>(() => OnnxFrameModel.Load(model, labels));
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
        Assert.Contains("[1, 3, H, W]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 8]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_LabelsNotMatchingOutputsOrMissingFiles_Refused()
    {
        var (model, _) = await TestModels.BuildAsync(temp.Path, "brightness", "dark", "bright");
        var threeLabels = temp.File("three.txt");
        await File.WriteAllLinesAsync(threeLabels, ["dark", "bright", "grey"]);
        Assert.Contains("has 2 scores but the labels file has 3 labels", Assert.Throws<MediaFailure>(() => OnnxFrameModel.Load(model, threeLabels)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<MediaFailure>(() => OnnxFrameModel.Load(temp.File("none.onnx"), threeLabels)).Message, StringComparison.Ordinal);
        var garbage = temp.File("garbage.onnx");
        await File.WriteAllTextAsync(garbage, "not a model");
        Assert.Contains("not a loadable ONNX model", Assert.Throws<MediaFailure>(() => OnnxFrameModel.Load(garbage, threeLabels)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BrightAndDarkClips_ClassifiedAndTaggedByTheModel()
    {
        var (model, labels) = await TestModels.BuildAsync(temp.Path, "brightness", "dark", "bright");
        var config = new AiModelConfig { Path = model, Labels = labels, SampleRate = 2, MinScore = 0.5 };
        var bright = await TestMedia.GenerateAsync(temp.Path, "bright.mp4", ["-f", "lavfi", "-i", "color=c=0xE0E0E0:s=160x90:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        var dark = await TestMedia.GenerateAsync(temp.Path, "dark.mp4", ["-f", "lavfi", "-i", "color=c=0x202020:s=160x90:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

        var brightRun = await media.ModelRunner.RunAsync(config, bright, await media.Prober.ProbeAsync(bright, CancellationToken.None), temp.File("b"), CancellationToken.None);
        var darkRun = await media.ModelRunner.RunAsync(config, dark, await media.Prober.ProbeAsync(dark, CancellationToken.None), temp.File("d"), CancellationToken.None);

        Assert.Equal(4, brightRun.Frames.Count);
        Assert.Equal("bright", Assert.Single(brightRun.Classify()).Label);
        Assert.Equal("dark", Assert.Single(darkRun.Classify()).Label);
        var segment = Assert.Single(darkRun.TagSegments());
        Assert.Equal((0.0, 2.0), (segment.Start, segment.End));
        Assert.Equal("dark", Assert.Single(segment.Tags).Label);
    }

    [Fact]
    public void TagSegments_LabelChanges_SplitIntoRuns()
    {
        var run = new ModelRun(["dark", "bright"], [new(0, [0.9f, 0.1f]), new(1, [0.8f, 0.2f]), new(2, [0.1f, 0.9f]), new(3, [0.4f, 0.4f])], 1, 0.5, "");
        var segments = run.TagSegments();
        Assert.Equal(2, segments.Count);
        Assert.Equal((0.0, 2.0, "dark"), (segments[0].Start, segments[0].End, segments[0].Tags[0].Label));
        Assert.Equal((2.0, 3.0, "bright"), (segments[1].Start, segments[1].End, segments[1].Tags[0].Label));
        Assert.Empty(new ModelRun(["a"], [], 1, 0.5, "").Classify());
    }
}
