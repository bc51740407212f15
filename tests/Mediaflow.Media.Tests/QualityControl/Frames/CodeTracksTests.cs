using Mediaflow.Media.QualityControl.Frames;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

public class CodeTracksTests
{
    [Fact]
    public void Complete_CodeInConsecutiveFrames_OneRangeWithTheUnionBoxScaled()
    {
        var tracks = new CodeTracks(2, 2);
        tracks.Add(1.5, []);
        tracks.Add(2.0, [new CodeHit("QRCode", "a", 10, 10, 49, 49)]);
        tracks.Add(2.5, [new CodeHit("QRCode", "a", 12, 9, 50, 48)]);
        tracks.Add(3.0, []);
        var finding = Assert.Single(tracks.Complete());
        Assert.Equal(("QRCode", 2.0, 2.5, 100), (finding.Type, finding.StartTime, finding.EndTime, finding.Confidence));
        Assert.Equal([20L, 18, 101, 99], finding.Area);
    }

    [Fact]
    public void Complete_CodeGoneAndBack_TwoRanges_OtherCodeSeparate()
    {
        var tracks = new CodeTracks(1, 1);
        tracks.Add(0, [new CodeHit("BarCode", "x", 0, 0, 9, 9), new CodeHit("QRCode", "y", 20, 20, 29, 29)]);
        tracks.Add(0.5, [new CodeHit("QRCode", "y", 20, 20, 29, 29)]);
        tracks.Add(1, [new CodeHit("BarCode", "x", 0, 0, 9, 9)]);
        var found = tracks.Complete();
        Assert.Equal([("BarCode", 0.0, 0.0), ("QRCode", 0.0, 0.5), ("BarCode", 1.0, 1.0)], found.Select(f => (f.Type, f.StartTime, f.EndTime)));
    }
}
