using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>
/// The print-filter parser on captured ffmpeg 5.1 stderr of the content graph (TestData/QualityControl/content-pass.log:
/// a 3 s testsrc2 320×180 clip, black picture and silent tone from 1 to 2 s, levels and 16 kHz spectral branches).
/// </summary>
public class MetadataPrintParserTests
{
    internal static List<MetadataFrame> Captured()
    {
        var frames = new List<MetadataFrame>();
        var parser = new MetadataPrintParser(frames.Add);
        foreach (var line in TestDataFiles.Read("QualityControl/content-pass.log").Split('\n'))
        {
            parser.Feed(line);
        }

        parser.Complete();
        return frames;
    }

    [Fact]
    public void Feed_CapturedContentPass_VideoFramesEveryHalfSecondWithTheirStatistics()
    {
        var video = Captured().Where(f => !f.Audio).Select(VideoSample.From).ToList();

        Assert.Equal([0, 0.5, 1, 1.5, 2, 2.5], video.Select(v => v.Time));
        Assert.Equal(121.274, video[0].YAvg);
        Assert.Equal(4.606182, video[0].Blur);
        Assert.Equal(50.559376, video[0].NoiseMse);
        Assert.Equal((0, 0, 319, 179), video[0].Content);
        // The black pictures: no spread, blur is -nan (no reading), cropdetect finds no content (x1 > x2).
        Assert.Equal(0, video[2].Spread);
        Assert.Null(video[2].Blur);
        Assert.Equal(16, video[2].YAvg);
        Assert.True(video[2].Content!.Value.X1 > video[2].Content!.Value.X2);
    }

    [Fact]
    public void Feed_CapturedContentPass_LevelAndSpectralAudioFrames()
    {
        var audio = Captured().Where(f => f.Audio).Select(AudioSample.From).ToList();
        var levels = audio.Where(a => a.Flatness is null).ToList();
        var spectral = audio.Where(a => a.Flatness is not null).ToList();

        Assert.Equal(31, levels.Count);
        Assert.Equal(24, spectral.Count);
        Assert.Equal(-21.076802, levels.Single(a => a.Time == 0.9).Rms);
        Assert.Equal(-21.764, levels.Single(a => a.Time == 0.9).Momentary);
        Assert.Equal(double.NegativeInfinity, levels.Single(a => a.Time == 1.5).Rms);
        Assert.True(double.IsNaN(levels.Single(a => a.Time == 1.5).Momentary!.Value));
        Assert.Equal(0.007351, spectral[0].Flatness);
        Assert.Equal(0.128, spectral[1].Time);
    }

    [Theory]
    [InlineData("[Parsed_psnr_10 @ 0x560c81e0d100] PSNR y:32.399358 u:32.881814 v:30.081908 average:31.985471")]
    [InlineData("[freezedetect @ 0x55] lavfi.freezedetect.freeze_start: 2")]
    [InlineData("frame=  100 fps=0.0 q=-0.0 Lsize=N/A time=00:00:04.01 bitrate=N/A speed=21.8x")]
    [InlineData("")]
    [InlineData("[Parsed_metadata_ @ 0x1] frame:0    pts:0       pts_time:0")]
    [InlineData("[Parsed_metadata_x3 @ 0x1] frame:0    pts:0       pts_time:0")]
    [InlineData("[Parsed_bmetadata_3 @ 0x1] frame:0    pts:0       pts_time:0")]
    [InlineData("[Parsed_metadata_3 @ ] frame:0    pts:0       pts_time:0")]
    [InlineData("[Parsed_metadata_3 @ 0x1]frame:0    pts:0       pts_time:0")]
    [InlineData("[Parsed_metadata_3 0x1] frame:0    pts:0       pts_time:0")]
    [InlineData("[Parsed_metadata_3 @ 0x1] frame:0    pts:0       pts_time:0\nx")]
    [InlineData(" [Parsed_metadata_3 @ 0x1] frame:0    pts:0       pts_time:0")]
    public void Feed_OtherLines_NoFrame(string line)
    {
        var frames = new List<MetadataFrame>();
        var parser = new MetadataPrintParser(frames.Add);

        parser.Feed(line);
        parser.Complete();

        Assert.Empty(frames);
    }

    [Fact]
    public void Feed_InterleavedInstances_FramesAssembledPerInstance()
    {
        var frames = new List<MetadataFrame>();
        var parser = new MetadataPrintParser(frames.Add);

        parser.Feed("[Parsed_metadata_3 @ 0x1] frame:0    pts:0       pts_time:0");
        parser.Feed("[Parsed_ametadata_9 @ 0x2] frame:0    pts:0       pts_time:0");
        parser.Feed("[Parsed_metadata_3 @ 0x1] lavfi.signalstats.YAVG=20");
        parser.Feed("[Parsed_ametadata_9 @ 0x2] lavfi.astats.Overall.RMS_level=-inf");
        parser.Feed("[Parsed_metadata_3 @ 0x1] frame:1    pts:1       pts_time:0.5");
        parser.Complete();

        Assert.Equal(3, frames.Count);
        Assert.Equal("20", frames.Single(f => !f.Audio && f.Time == 0).Values["lavfi.signalstats.YAVG"]);
        Assert.Equal("-inf", frames.Single(f => f.Audio).Values["lavfi.astats.Overall.RMS_level"]);
        Assert.Empty(frames.Single(f => f.Time == 0.5).Values);
    }

    [Fact]
    public void Feed_PrefixVariants_AsTheLineGrammarReadsThem()
    {
        var frames = new List<MetadataFrame>();
        var parser = new MetadataPrintParser(frames.Add);

        // A key line before its instance's first frame line belongs to no frame.
        parser.Feed("[Parsed_metadata_12 @ 0x55d0c0de] lavfi.signalstats.YAVG=1");
        parser.Feed("[Parsed_metadata_12 @ 0x55d0c0de] frame:0    pts:0       pts_time:0.25");
        // The address runs to the first ']' (anything but ']'), the value is trimmed, the key is not.
        parser.Feed("[Parsed_metadata_12 @ any thing] lavfi.signalstats.YAVG=  21.5 ");
        parser.Feed("[Parsed_metadata_12 @ 0x1] lavfi.a=b=c");
        parser.Feed("[Parsed_metadata_12 @ 0x1] =no key");
        parser.Feed("[Parsed_metadata_12 @ 0x1] no value");
        // One line feed at the very end is not part of the value.
        parser.Feed("[Parsed_metadata_12 @ 0x1] lavfi.crlf=7\n");
        // Another instance number is another frame, even with the same address.
        parser.Feed("[Parsed_metadata_120 @ 0x55d0c0de] lavfi.signalstats.YAVG=99");
        parser.Complete();

        var frame = Assert.Single(frames);
        Assert.False(frame.Audio);
        Assert.Equal(0.25, frame.Time);
        Assert.Equal(3, frame.Values.Count);
        Assert.Equal("21.5", frame.Values["lavfi.signalstats.YAVG"]);
        Assert.Equal("b=c", frame.Values["lavfi.a"]);
        Assert.Equal("7", frame.Values["lavfi.crlf"]);
    }

    [Fact]
    public void Feed_CapturedContentPass_EachMetadataKeyStringKeptOnce()
    {
        var video = Captured().Where(f => !f.Audio).ToList();

        var first = video[0].Values.Keys.Single(k => k == "lavfi.signalstats.YAVG");
        var last = video[^1].Values.Keys.Single(k => k == "lavfi.signalstats.YAVG");
        Assert.Same(first, last);
    }
}
