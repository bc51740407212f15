using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Fusion;

/// <summary>
/// Sibling fusion of an H.264 ladder with real ffmpeg: the rungs' transcode plans, fused, run as one process writing one
/// tee output (one audio encode); every file must be byte for byte the file the rung writes when it runs alone. The rungs
/// encode with CRF (Bitrate 0, as the ladder bench): x264's bitrate modes with VBV and frame threads do not give the same
/// bytes even for two runs of one command, CRF does.
/// </summary>
public sealed class SharedAudioEncodeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Fuse_ThreeTranscodeRungs_TeeRunWritesTheSameFilesAsEachRungAlone()
    {
        await using var media = new MediaServices(new MediaOptions { X264Preset = "veryfast", NoProgressTimeout = TimeSpan.FromSeconds(30) });
        var source = await TestMedia.VideoWithAudioAsync(temp.Path, width: 320, height: 180, seconds: 1);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var preset = PresetTranscodeTemplates.Find(100010)!;
        long[] heights = [180, 120, 90];
        Directory.CreateDirectory(temp.File("fused"));
        Directory.CreateDirectory(temp.File("alone"));
        FfmpegJob Plan(string directory, long height) => TranscodePlanner.Plan(
            new TranscodeRequest
            {
                SourcePath = source, Source = probe, WorkDirectory = temp.File(directory), OutputFileName = $"rung{height}.mp4",
                Template = preset with { VideoTemplate = preset.VideoTemplate! with { Width = 0, Height = height, Bitrate = 0 } },
            },
            media.Options).Job;

        var fused = JobFusion.Fuse([.. heights.Select(h => Plan("fused", h))]);
        Assert.IsType<TeeMuxer>(Assert.Single(fused.Job.Outputs).Muxer);
        var runner = new FusionRunner(media.Runner, media.Options);
        var members = heights.Select(_ => new FusionRunner.Member(1, null, 0)).ToList();
        var (run, _) = await runner.RunAsync(fused, members, CancellationToken.None);
        FusionRunner.ThrowIfFailed(run);
        foreach (var height in heights)
        {
            var (alone, _) = await runner.RunAsync(FusedJob.Alone(Plan("alone", height)), [members[0]], CancellationToken.None);
            FusionRunner.ThrowIfFailed(alone);
            var name = $"rung{height}.mp4";
            Assert.Equal(await File.ReadAllBytesAsync(temp.File(Path.Combine("alone", name))), await File.ReadAllBytesAsync(temp.File(Path.Combine("fused", name))));
            Assert.Equal(height, (await Ffprobe.VideoAsync(temp.File(Path.Combine("fused", name)))).Height);
        }
    }
}
