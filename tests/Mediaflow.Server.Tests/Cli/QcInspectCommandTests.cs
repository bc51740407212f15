using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Cli;

/// <summary><c>mediaflow qc-inspect</c> run as a separate process on a real clip: its content-pass cost output.</summary>
public sealed class QcInspectCommandTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("mf-qc-cli-");

    [Fact]
    public async Task QcInspect_JsonRepeat2_OneContentPassCostPerRunWithEachFrameDetectorsCpu()
    {
        var clip = await TestMedia.VideoAsync(Path.Combine(work.FullName, "clip.mp4"), seconds: 2);

        var result = await MediaflowCli.RunAsync("qc-inspect", clip, "--items", "Blur,NoVoice,Jitter,BlackWhiteEdge", "--json", "--repeat", "2");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var costs = json.RootElement.GetProperty("ContentPassCosts").EnumerateArray().ToList();
        Assert.Equal([1, 2], costs.Select(c => c.GetProperty("Run").GetInt32()));
        Assert.Equal(2, json.RootElement.GetProperty("ContentPassCost").GetProperty("Run").GetInt32());
        Assert.All(costs, c =>
        {
            Assert.True(c.GetProperty("WallSeconds").GetDouble() > 0);
            Assert.True(c.GetProperty("FfmpegCpuSeconds").GetDouble() > 0, "ffmpeg decoded the clip: its CPU is counted");
            var detectors = c.GetProperty("DetectorCpuSeconds");
            Assert.Equal(["Jitter", "WhiteEdge"], detectors.EnumerateObject().Select(d => d.Name));
            // The detectors run on this process's threads: their CPU is part of the process CPU.
            Assert.True(c.GetProperty("CpuSeconds").GetDouble() >= detectors.EnumerateObject().Sum(d => d.Value.GetDouble()));
        });
    }

    [Fact]
    public async Task QcInspect_RepeatZero_UsageErrorExit2()
    {
        var clip = await TestMedia.VideoAsync(Path.Combine(work.FullName, "clip.mp4"), seconds: 1);

        var result = await MediaflowCli.RunAsync("qc-inspect", clip, "--repeat", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--repeat 0: must be at least 1", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => work.Delete(recursive: true);
}
