using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Tests.Templates;

public class TranscodeTypeQueryTests
{
    private static readonly TranscodeTemplate Common = PresetTranscodeTemplates.Find(100010)!;
    private static readonly TranscodeTemplate Tehd = PresetTranscodeTemplates.Find(100810)!;
    private static readonly TranscodeTemplate VideoEnhanced = Common with
    {
        EnhanceConfig = new EnhanceConfig { VideoEnhance = new VideoEnhanceConfig { Denoise = new EnhanceSwitch() } },
    };

    private static readonly TranscodeTemplate BothEnhanced = VideoEnhanced with
    {
        EnhanceConfig = VideoEnhanced.EnhanceConfig! with { AudioEnhance = new AudioEnhanceConfig { VolumeBalance = new EnhanceSwitch() } },
    };

    private static readonly TranscodeTemplate SwitchedOff = Common with
    {
        EnhanceConfig = new EnhanceConfig { VideoEnhance = new VideoEnhanceConfig { Denoise = new EnhanceSwitch { Switch = "OFF" } } },
    };

    private static string Names(TranscodeTypeQuery query) => string.Join(',', new[]
    {
        ("common", Common), ("tehd", Tehd), ("video", VideoEnhanced), ("both", BothEnhanced), ("off", SwitchedOff),
    }.Where(t => query.Matches(t.Item2)).Select(t => t.Item1));

    [Theory]
    [InlineData(null, null, null, "common,tehd,video,both,off")]
    [InlineData("Common", null, null, "common,off")]
    [InlineData("TEHD", null, null, "tehd")]
    [InlineData("TEHD-100", null, null, "tehd")]
    [InlineData("TEHD-200", null, null, "")]
    [InlineData("Enhance", null, null, "video,both")]
    [InlineData(null, "Common", null, "common,video,both,off")]
    [InlineData(null, "TEHD", null, "tehd")]
    [InlineData(null, null, "VideoEnhance", "video,both")]
    [InlineData(null, null, "AudioEnhance", "both")]
    [InlineData(null, null, "VideoAudioEnhance", "both")]
    public void Matches_DescribeFilters(string? transcodeType, string? tehdType, string? enhanceType, string expected) =>
        Assert.Equal(expected, Names(new TranscodeTypeQuery(transcodeType, tehdType, enhanceType)));

    [Theory]
    [InlineData("Fast", null, null, "TranscodeType")]
    [InlineData(null, "TEHD-100", null, "TEHDType")]
    [InlineData(null, null, "Enhance", "EnhanceType")]
    public void Validate_UnknownValue_RefusedNamingTheFilter(string? transcodeType, string? tehdType, string? enhanceType, string field) =>
        Assert.Equal($"InvalidParameterValue.{field}", Assert.Throws<ApiException>(() => new TranscodeTypeQuery(transcodeType, tehdType, enhanceType).Validate()).Code);
}
