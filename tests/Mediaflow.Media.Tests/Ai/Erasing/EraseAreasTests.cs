using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Erasing;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Tests.Ai.Erasing;

/// <summary>The pure parts of subtitle/privacy erasing: which OCR lines count, how faces join into tracks, the rendered graph.</summary>
public sealed class EraseAreasTests
{
    [Fact]
    public void SubtitleAreas_LowerHalfByDefault_PaddedAndFromOneStepBefore()
    {
        TimedText[] segments =
        [
            new(1.0, 2.5, [new TextArea("BOTTOM LINE", 95, 100, 300, 300, 330), new TextArea("TOP TITLE", 95, 100, 20, 300, 50)]),
        ];

        var erase = Assert.Single(SubtitleAreas.Find(segments, 0.5, [], 640, 360, 6));

        Assert.Equal("BOTTOM LINE", erase.Text);
        Assert.Equal(new EraseRegion(94, 294, 212, 42), erase.Region);
        Assert.Equal(0.5, erase.Start);
        Assert.Equal(2.5, erase.End);
        Assert.Equal(EraseFill.Delogo, erase.Fill);
        Assert.Equal("TOP TITLE", Assert.Single(SubtitleAreas.Find(segments, 0.5, [new EraseRegion(0, 0, 640, 60)], 640, 360, 6)).Text);
    }

    [Fact]
    public void FaceTracks_ConsecutiveOverlappingFramesJoin_GapsAndDistantBoxesSplit()
    {
        (int, EraseRegion)[] hits =
        [
            (2, new EraseRegion(100, 100, 50, 50)), (3, new EraseRegion(110, 100, 50, 50)), // one track, moving right
            (3, new EraseRegion(400, 100, 50, 50)),                                          // another face, elsewhere
            (6, new EraseRegion(110, 100, 50, 50)),                                          // the first face again after a gap
        ];

        var tracks = FaceTracks.Build(hits, 0.5, 3.2, EraseFill.Blur);

        Assert.Equal(3, tracks.Count);
        var first = tracks[0];
        Assert.Equal(new EraseRegion(90, 90, 80, 70), first.Region); // union 100..160 × 100..150, grown by 10 px
        Assert.Equal((0.5, 2.0), (first.Start, first.End!.Value));
        Assert.Equal((1.0, 2.0), (tracks[1].Start, tracks[1].End!.Value));
        Assert.Equal((2.5, 3.2), (tracks[2].Start, tracks[2].End!.Value)); // clamped to the duration
        Assert.All(tracks, t => Assert.Equal("face", t.Kind));
    }

    [Fact]
    public void EraseGraph_DelogoInPlaceWithItsWindow_BlurThroughSplitCropOverlay()
    {
        TimedErase[] erases =
        [
            new(new EraseRegion(10, 300, 200, 40), 0.5, 2.5, EraseFill.Delogo, "subtitle", true),
            new(new EraseRegion(100, 50, 80, 80), 0, null, EraseFill.Blur, "face", true),
        ];
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = "/in.mp4" }],
            FilterGraph = EraseGraph.Build("0:v:0", "out", erases, 640, 360, 4),
            Outputs = [new FfmpegOutput { Path = "/out.mp4", Maps = ["[out]"], Muxer = new Mp4Muxer() }],
        };

        var graph = FfmpegArgumentRenderer.Render(job).SkipWhile(a => a != "-filter_complex").ElementAt(1);

        Assert.Contains("delogo=x=10:y=300:w=200:h=40:enable='between(t,0.5,2.5)'", graph, StringComparison.Ordinal);
        Assert.Contains("split=outputs=2", graph, StringComparison.Ordinal);
        Assert.Contains("crop=w=80:h=80:x=100:y=50,gblur=sigma=20", graph, StringComparison.Ordinal);
        Assert.Contains("overlay=x='100':y='50':format=auto", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("enable", graph[graph.IndexOf("overlay", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
