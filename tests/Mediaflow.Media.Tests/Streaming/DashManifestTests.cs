using System.Xml.Linq;
using Mediaflow.Media.Streaming;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Streaming;

/// <summary>
/// DashManifest on MPDs ffmpeg 5.1 wrote (two H.264 representations, ten 2 s segments of a 20 s clip, configured
/// 200k/100k): the measured rates follow the HLS master's definitions, and the rewrite changes only <c>bandwidth</c>.
/// </summary>
public class DashManifestTests
{
    private static XDocument Load(string name) => XDocument.Parse(TestDataFiles.Read("Dash/" + name), LoadOptions.PreserveWhitespace);

    // File sizes of the segmented run (ls -l of its output directory).
    private static readonly Dictionary<string, long> SegmentedSizes = new(StringComparer.Ordinal)
    {
        ["init-stream0.m4s"] = 834,
        ["init-stream1.m4s"] = 837,
        ["chunk-stream0-00001.m4s"] = 36958, ["chunk-stream0-00002.m4s"] = 51608, ["chunk-stream0-00003.m4s"] = 48849,
        ["chunk-stream0-00004.m4s"] = 54871, ["chunk-stream0-00005.m4s"] = 53770, ["chunk-stream0-00006.m4s"] = 52303,
        ["chunk-stream0-00007.m4s"] = 47175, ["chunk-stream0-00008.m4s"] = 57846, ["chunk-stream0-00009.m4s"] = 51729,
        ["chunk-stream0-00010.m4s"] = 51429,
        ["chunk-stream1-00001.m4s"] = 23412, ["chunk-stream1-00002.m4s"] = 26584, ["chunk-stream1-00003.m4s"] = 27835,
        ["chunk-stream1-00004.m4s"] = 27082, ["chunk-stream1-00005.m4s"] = 25094, ["chunk-stream1-00006.m4s"] = 24379,
        ["chunk-stream1-00007.m4s"] = 24461, ["chunk-stream1-00008.m4s"] = 25805, ["chunk-stream1-00009.m4s"] = 28098,
        ["chunk-stream1-00010.m4s"] = 26766,
    };

    [Fact]
    public void Measure_SegmentTemplateWithTimeline_PeakSegmentAndAverageFromTheFiles()
    {
        var asked = new List<string>();

        var rates = DashManifest.Measure(Load("ffmpeg51_segment_timeline.mpd"), name =>
        {
            asked.Add(name);
            return SegmentedSizes[name];
        });

        // Peak: segment 8 of representation 0, 57846 B over 2 s; average: (834 + all segments) × 8 / 20 s.
        Assert.Equal(new DashRates(231384, 202949, 20), rates["0"]);
        // Representation 1: its first segment with the init (837 + 23412) is not the peak; segment 9 (28098 B) is.
        Assert.Equal(new DashRates(112392, 104142, 20), rates["1"]);
        Assert.Equal(SegmentedSizes.Keys.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Measure_ByteRangedSegmentList_SizesFromMediaRangeWithoutReadingFiles()
    {
        var rates = DashManifest.Measure(Load("ffmpeg51_single_file.mpd"), name => throw new InvalidOperationException($"no file is read: {name}"));

        // Representation 0: the largest range is 346200-404021 (57822 B) over 2 s; all 507132 B (init included) over 20 s.
        Assert.Equal(new DashRates(231288, 202853, 20), rates["0"]);
        Assert.Equal(new DashRates(112296, 104046, 20), rates["1"]);
    }

    [Fact]
    public void SetBandwidths_ThenRender_OnlyTheBandwidthAttributesChange()
    {
        var original = Load("ffmpeg51_single_file.mpd");
        var mpd = new XDocument(original);

        DashManifest.SetBandwidths(mpd, new Dictionary<string, long> { ["0"] = 231288, ["1"] = 112296 });
        var rendered = DashManifest.Render(mpd);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", rendered, StringComparison.Ordinal);
        var reparsed = XDocument.Parse(rendered);
        var representations = reparsed.Descendants().Where(e => e.Name.LocalName == "Representation").ToList();
        Assert.Equal(["231288", "112296"], representations.Select(r => (string?)r.Attribute("bandwidth")));
        foreach (var r in representations)
        {
            r.SetAttributeValue("bandwidth", null);
        }

        foreach (var r in original.Descendants().Where(e => e.Name.LocalName == "Representation"))
        {
            r.SetAttributeValue("bandwidth", null);
        }

        Assert.True(XNode.DeepEquals(XDocument.Parse(original.ToString()).Root, reparsed.Root), rendered);
    }

    [Fact]
    public void Measure_NoSegmentInformation_FormatException()
    {
        var mpd = XDocument.Parse("""<MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><Period><AdaptationSet><Representation id="0" bandwidth="1"/></AdaptationSet></Period></MPD>""");

        Assert.Throws<FormatException>(() => DashManifest.Measure(mpd, _ => 0));
    }
}
