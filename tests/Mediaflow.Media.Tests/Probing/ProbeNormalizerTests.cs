using System.Text.Json;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Probing;

public class ProbeNormalizerTests
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    [Fact]
    public void Normalize_H264AacMp4_VideoAndAudioFacts()
    {
        var probe = ProbeNormalizer.Normalize(TestDataFiles.Read("Probing/h264_aac.json"));

        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", probe.Container);
        Assert.True(probe.HasVideo);
        Assert.True(probe.HasAudio);
        Assert.Equal(2.0, probe.Duration, 2);
        Assert.True(probe.Size > 0);
        Assert.True(probe.Bitrate > 0);
        var video = probe.Video!;
        Assert.Equal("h264", video.Codec);
        Assert.Equal((320, 180), (video.Width, video.Height));
        Assert.Equal((25, 1), (video.FpsNumerator, video.FpsDenominator));
        Assert.Equal(0, video.Rotation);
        var audio = probe.Audio!;
        Assert.Equal("aac", audio.Codec);
        Assert.Equal(48000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
    }

    [Fact]
    public void Normalize_AudioOnlyM4a_NoVideo()
    {
        var probe = ProbeNormalizer.Normalize(TestDataFiles.Read("Probing/audio.json"));

        Assert.False(probe.HasVideo);
        Assert.True(probe.HasAudio);
        Assert.Equal(44100, probe.Audio!.SampleRate);
        var meta = probe.ToMetaData();
        Assert.Empty(meta.VideoStreamSet);
        Assert.Equal(0, meta.Width);
        Assert.Equal(0, meta.VideoDuration);
        Assert.Equal("mp4a.40.2", meta.AudioStreamSet[0].Codecs);
    }

    [Fact]
    public void Normalize_RotatedClip_DisplaySizeSwappedAndClockwiseRotate()
    {
        var probe = ProbeNormalizer.Normalize(TestDataFiles.Read("Probing/rotated.json"));

        // ffprobe 5.1 reports "rotation": 90 (counter-clockwise); ffmpeg autorotates it with transpose=cclock.
        Assert.Equal(270, probe.Video!.Rotation);
        Assert.Equal((180, 320), (probe.Video.Width, probe.Video.Height));
        Assert.Equal((320, 180), (probe.Video.CodedWidth, probe.Video.CodedHeight));
    }

    [Fact]
    public void ToMetaData_H264AacMp4_WireShape()
    {
        var meta = ProbeNormalizer.Normalize(TestDataFiles.Read("Probing/h264_aac.json")).ToMetaData();
        var json = JsonSerializer.Serialize(meta, Wire);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        foreach (var name in new[] { "Size", "Container", "Bitrate", "Height", "Width", "Duration", "Rotate", "VideoStreamSet", "AudioStreamSet", "VideoDuration", "AudioDuration" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        var video = root.GetProperty("VideoStreamSet")[0];
        Assert.Equal(25, video.GetProperty("Fps").GetInt64());
        Assert.Equal("avc1.64000c", video.GetProperty("Codecs").GetString());
        Assert.Equal(1, video.GetProperty("FpsDenominator").GetInt64());
        Assert.Equal(48000, root.GetProperty("AudioStreamSet")[0].GetProperty("SamplingRate").GetInt64());
        Assert.Equal(2.0, root.GetProperty("VideoDuration").GetDouble(), 2);
    }

    [Fact]
    public void Normalize_NoStreams_ContentMalformed()
    {
        var failure = Assert.Throws<MediaFailure>(() => ProbeNormalizer.Normalize("""{"streams":[],"format":{"format_name":"tty"}}"""));
        Assert.Equal(MediaErrorCodes.ContentMalformed, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    [Fact]
    public void Normalize_CoverArtOnlyVideo_IsNotVideo()
    {
        const string json = """
            {"streams":[{"index":0,"codec_type":"audio","codec_name":"mp3","sample_rate":"44100","channels":2},
                        {"index":1,"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],
             "format":{"format_name":"mp3","duration":"3.0","size":"48000"}}
            """;
        var probe = ProbeNormalizer.Normalize(json);
        Assert.False(probe.HasVideo);
        Assert.Equal(128000, probe.Bitrate);
    }
}
