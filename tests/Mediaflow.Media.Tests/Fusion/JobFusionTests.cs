using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Tests.Fusion;

public class JobFusionTests
{
    private static FfmpegJob Job(string output, IReadOnlyList<FilterChain> graph, IReadOnlyList<string> maps, TimeSpan? seek = null, int inputs = 1) => new()
    {
        Inputs = [.. Enumerable.Range(0, inputs).Select(_ => new FfmpegInput { Path = "/in/src.mp4", Seek = seek, FormatWhitelist = ["mov", "mp4"] })],
        FilterGraph = graph,
        Outputs = [new FfmpegOutput { Path = output, Maps = maps, Video = new VideoEncoding { Encoder = "libx264" }, Muxer = new Mp4Muxer() }],
        MaxPixels = 100,
    };

    private static FfmpegJob Scaled(string output, long width) =>
        Job(output, [new FilterChain(["0:v:0"], [new ScaleFilter(width, 90), new ShowInfoFilter()], ["vout"])], ["[vout]", "0:a:0"]);

    [Fact]
    public void Fuse_TwoVideoChains_OneInputSplitBranchesPrefixedLabelsAndFilterOffsets()
    {
        var fused = JobFusion.Fuse([Scaled("/out/a.mp4", 160), Scaled("/out/b.mp4", 128)]);

        Assert.Single(fused.Job.Inputs);
        Assert.Equal(
            "[0:v:0]split=outputs=2[src_0_v_0_0][src_0_v_0_1];[src_0_v_0_0]scale=w=160:h=90,showinfo[m0_vout];[src_0_v_0_1]scale=w=128:h=90,showinfo[m1_vout]",
            FfmpegArgumentRenderer.RenderGraph(fused.Job.FilterGraph));
        Assert.Equal([["[m0_vout]", "0:a:0"], ["[m1_vout]", "0:a:0"]], fused.Job.Outputs.Select(o => o.Maps.ToArray()));
        Assert.Equal(["/out/a.mp4", "/out/b.mp4"], fused.Job.Outputs.Select(o => o.Path));
        Assert.Equal([1, 3], fused.FilterOffsets); // the split is filter 0; member 1's chain starts after member 0's two filters
    }

    [Fact]
    public void Fuse_AudioFilteredByTwoMembers_AsplitFeedsEach()
    {
        var loud = Job("/out/a.m4a", [new FilterChain(["0:a:0"], [new ShowInfoFilter()], ["aout"])], ["[aout]"]);
        var fused = JobFusion.Fuse([loud, loud with { Outputs = [loud.Outputs[0] with { Path = "/out/b.m4a" }] }]);

        Assert.StartsWith("[0:a:0]asplit=outputs=2[src_0_a_0_0][src_0_a_0_1];", FfmpegArgumentRenderer.RenderGraph(fused.Job.FilterGraph), StringComparison.Ordinal);
    }

    [Fact]
    public void InputKey_DifferentSeekOrSecondInput_NotFusableTogether()
    {
        var plain = Scaled("/out/a.mp4", 160);
        var seeking = Job("/out/b.mp4", plain.FilterGraph, ["[vout]"], seek: TimeSpan.FromSeconds(1));
        var twoInputs = Job("/out/c.mp4", plain.FilterGraph, ["[vout]"], inputs: 2);

        Assert.NotNull(JobFusion.InputKey(plain));
        Assert.NotEqual(JobFusion.InputKey(plain), JobFusion.InputKey(seeking));
        Assert.Null(JobFusion.InputKey(twoInputs));
        Assert.Throws<ArgumentException>(() => JobFusion.Fuse([plain, seeking]));
    }

    private static FfmpegJob Rung(string output, long height, long audioBitrate = 128_000) => Job(output,
        [new FilterChain(["0:v:0"], [new ScaleFilter(-2, height)], ["vout"])], ["[vout]", "0:a:0"]) is var job
        ? job with { Outputs = [job.Outputs[0] with { Video = new VideoEncoding { Encoder = "libx264", Crf = 23 }, Audio = new AudioEncoding { Encoder = "aac", Bitrate = audioBitrate } }] }
        : job;

    [Fact]
    public void Fuse_ThreeMp4RungsSameSourceAudio_OneTeeOutputEncodingTheAudioOnce()
    {
        var fused = JobFusion.Fuse([Rung("/out/a.mp4", 720), Rung("/out/b.mp4", 480), Rung("/out/c.mp4", 360)]);

        var output = Assert.Single(fused.Job.Outputs);
        Assert.Equal(["[m0_vout]", "[m1_vout]", "[m2_vout]", "0:a:0"], output.Maps);
        Assert.Null(output.Video);
        Assert.Equal(3, output.VideoStreams.Count);
        Assert.Equal(new AudioEncoding { Encoder = "aac", Bitrate = 128_000 }, output.Audio);
        var tee = Assert.IsType<TeeMuxer>(output.Muxer);
        Assert.Equal([("/out/a.mp4", 0), ("/out/b.mp4", 1), ("/out/c.mp4", 2)], tee.Slaves.Select(s => (s.Path, s.VideoStream)));
        Assert.Equal("/out/a.mp4", output.Path);
    }

    [Fact]
    public void Fuse_RungsWithOtherAudioOrTeeSyntaxInPath_KeepOutputsOfTheirOwn()
    {
        var fused = JobFusion.Fuse([Rung("/out/a.mp4", 720), Rung("/out/b.mp4", 480, audioBitrate: 64_000), Rung("/out/c|d.mp4", 360), Rung("/out/e.mp4", 240)]);

        // a and e share the audio encode (the tee takes a's place); b encodes other audio, c's path cannot stand in a tee list.
        Assert.Equal(["tee", "mp4", "mp4"], fused.Job.Outputs.Select(o => o.Muxer.Name));
        Assert.Equal(["/out/a.mp4", "/out/e.mp4"], Assert.IsType<TeeMuxer>(fused.Job.Outputs[0].Muxer).Slaves.Select(s => s.Path));
        Assert.Equal(["/out/b.mp4", "/out/c|d.mp4"], fused.Job.Outputs.Skip(1).Select(o => o.Path));
        Assert.Equal(["[m1_vout]", "0:a:0"], fused.Job.Outputs[1].Maps);
    }

    [Fact]
    public void FirstFramesAt_Offsets_SelectExpressionKeepsFirstFrameAtOrAfterEach()
    {
        var graph = FfmpegArgumentRenderer.RenderGraph([new FilterChain(["0:v:0"], [new FirstFramesAtFilter([1.5, 0, 1.5])], ["v"])]);

        Assert.Equal("[0:v:0]select=expr='gte(t,0)*not(gte(prev_t,0))+gte(t,1.5)*not(gte(prev_t,1.5))'[v]", graph);
    }
}
