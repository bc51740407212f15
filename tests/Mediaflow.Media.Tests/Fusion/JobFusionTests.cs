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

    [Fact]
    public void FirstFramesAt_Offsets_SelectExpressionKeepsFirstFrameAtOrAfterEach()
    {
        var graph = FfmpegArgumentRenderer.RenderGraph([new FilterChain(["0:v:0"], [new FirstFramesAtFilter([1.5, 0, 1.5])], ["v"])]);

        Assert.Equal("[0:v:0]select=expr='gte(t,0)*not(gte(prev_t,0))+gte(t,1.5)*not(gte(prev_t,1.5))'[v]", graph);
    }
}
