using Mediaflow.Media.Ai.Analysis;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Analysis;

/// <summary>The analysis with real ffmpeg on generated clips: shots within ±0.5 s of the cuts, head/tail, a non-black cover.</summary>
public sealed class MediaAnalyzerTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task AnalyzeAsync_ClipWithCuts_ShotsHeadTailAndANonBlackCover()
    {
        var source = await AnalysisFixtures.CutsAsync(temp.Path);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var analysis = await media.Analyzer.AnalyzeAsync(source, probe, temp.File("work"), null, CancellationToken.None);

        var starts = analysis.Shots.Skip(1).Select(s => s.Start).ToList();
        Assert.Equal(AnalysisFixtures.CutTimes.Length, starts.Count);
        foreach (var (cut, found) in AnalysisFixtures.CutTimes.Zip(starts))
        {
            Assert.InRange(found, cut - 0.5, cut + 0.5);
        }

        Assert.InRange(analysis.HeadTail.HeadTimeOffset, 0.9, 1.1);
        Assert.InRange(analysis.HeadTail.TailTimeOffset, 4.1, 4.3);

        var cover = Assert.IsType<CoverChoice>(analysis.Cover);
        var run = await media.Analyzer.CoverImageAsync(Mediaflow.Media.Snapshots.SnapshotSource.From(source, probe), cover.Time, temp.File("work"), CancellationToken.None);
        var image = Assert.Single(run.Images);
        var pixels = await FramePixels.ReadAsync(image.LocalPath, 320, 180);
        var meanLuma = Enumerable.Range(0, 320 * 180).Average(i => (0.299 * pixels.Rgb[i * 3]) + (0.587 * pixels.Rgb[(i * 3) + 1]) + (0.114 * pixels.Rgb[(i * 3) + 2]));
        Assert.True(meanLuma > 40, $"the cover at {cover.Time} s is dark (mean luma {meanLuma:0.0})");
        var red = pixels.Box(FramePixels.Red);
        Assert.True(red is null || red.Value.Count < 320 * 180 / 2, $"the cover at {cover.Time} s is the flat red card");
    }

    [Fact]
    public async Task AnalyzeAsync_CleanClip_OneShotNoHeadNoTail()
    {
        var source = await TestMedia.VideoWithAudioAsync(temp.Path, seconds: 3);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var analysis = await media.Analyzer.AnalyzeAsync(source, probe, temp.File("work"), null, CancellationToken.None);

        Assert.Single(analysis.Shots);
        Assert.Equal(0, analysis.HeadTail.HeadTimeOffset);
        Assert.Equal(probe.Duration, analysis.HeadTail.TailTimeOffset, 2);
        Assert.NotNull(analysis.Cover);
    }

    [Fact]
    public async Task AnalyzeAsync_AudioOnly_FailsPermanentlyWithNoVideoMedia()
    {
        var source = await TestMedia.AudioOnlyAsync(temp.Path);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => media.Analyzer.AnalyzeAsync(source, probe, temp.File("work"), null, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.NoVideoMedia, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }
}
