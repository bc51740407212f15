using Mediaflow.Domain.Templates;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Media.Tests.Snapshots;

/// <summary>The sprite index: cue times from the thumbnails' frames, <c>#xywh=</c> consistent with the tile layout.</summary>
public class WebVttTests
{
    [Fact]
    public void Render_TwoSheets_CuesChainAndPointIntoTheirSheet()
    {
        var template = new ImageSpriteTemplate { RowCount = 2, ColumnCount = 2 };
        var thumbs = new[] { 0, 10.04, 20, 30.04, 40 }.Select((t, i) => SnapshotExecutor.Place(i, t, template, 160, 90)).ToList();

        var vtt = WebVtt.Render(thumbs, ["s_0.jpg", "/other/s_1.jpg"], 47.5);

        Assert.Equal(
            "WEBVTT\n\n"
            + "00:00:00.000 --> 00:00:10.040\ns_0.jpg#xywh=0,0,160,90\n\n"
            + "00:00:10.040 --> 00:00:20.000\ns_0.jpg#xywh=160,0,160,90\n\n"
            + "00:00:20.000 --> 00:00:30.040\ns_0.jpg#xywh=0,90,160,90\n\n"
            + "00:00:30.040 --> 00:00:40.000\ns_0.jpg#xywh=160,90,160,90\n\n"
            + "00:00:40.000 --> 00:00:47.500\n/other/s_1.jpg#xywh=0,0,160,90\n",
            vtt);
    }

    [Theory]
    [InlineData(0, "00:00:00.000")]
    [InlineData(3725.0004, "01:02:05.000")]
    [InlineData(59.9996, "00:01:00.000")]
    [InlineData(86400 + 1.5, "24:00:01.500")]
    public void Timestamp_Seconds_HoursMinutesSecondsMillis(double seconds, string expected) => Assert.Equal(expected, WebVtt.Timestamp(seconds));
}
