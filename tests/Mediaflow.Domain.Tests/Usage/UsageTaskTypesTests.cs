using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Usage;

namespace Mediaflow.Domain.Tests.Usage;

/// <summary>Every node family that can succeed bills under a DescribeUsageData type the API accepts (docs/usage.md).</summary>
public sealed class UsageTaskTypesTests
{
    [Fact]
    public void Of_EveryKnownActionButIf_MapsToAnAcceptedType()
    {
        foreach (var activity in ActivityTypes.KnownActions.Where(a => a != ActivityTypes.ExecRules))
        {
            var type = UsageTaskTypes.Of(activity);
            Assert.True(type is not null, $"{activity} bills under no usage type");
            Assert.Contains(type.Name, UsageTaskTypes.Accepted);
            Assert.Contains(activity, UsageTaskTypes.ActivityTypesOf(type.Name));
        }

        Assert.Null(UsageTaskTypes.Of(ActivityTypes.ExecRules));
        Assert.Null(UsageTaskTypes.Of(ActivityTypes.Output));
    }

    [Theory]
    [InlineData(ActivityTypes.Transcode, "HD", "h264", "Transcode", UsageUnit.Seconds, "Standard.H264.HD")]
    [InlineData(ActivityTypes.Transcode, "4K", "hevc", "Transcode", UsageUnit.Seconds, "Standard.H265.4K")]
    [InlineData(ActivityTypes.Transcode, "SD", "av1", "Transcode", UsageUnit.Seconds, "Standard.AV1.SD")]
    [InlineData(ActivityTypes.Transcode, "SD", "vp9", "Transcode", UsageUnit.Seconds, "Standard.VP9.SD")]
    [InlineData(ActivityTypes.Transcode, "HD", "", "Transcode", UsageUnit.Seconds, "Standard.HD")]
    [InlineData(ActivityTypes.AdaptiveDynamicStreaming, "FHD", "libx264", "Transcode", UsageUnit.Seconds, "Standard.H264.FHD")]
    [InlineData(ActivityTypes.AdaptiveDynamicStreaming, "Audio", "", "Transcode", UsageUnit.Seconds, "Audio")]
    [InlineData(ActivityTypes.ImageSprite, "SD", "", "Snapshot", UsageUnit.Images, "ImageSprite")]
    [InlineData(ActivityTypes.SampleSnapshot, "SD", "", "Snapshot", UsageUnit.Images, "SampleSnapshot")]
    [InlineData(ActivityTypes.SnapshotByTimeOffset, "FHD", "", "Snapshot", UsageUnit.Images, "SnapshotByTime")]
    [InlineData(ActivityTypes.AiRecognition, "SD", "", "AIRecognition", UsageUnit.Seconds, "AIRecognition")]
    public void Of_Family_TypeUnitAndSpecification(string activity, string band, string codec, string name, UsageUnit unit, string specification)
    {
        var type = UsageTaskTypes.Of(activity)!;

        Assert.Equal((name, unit, specification), (type.Name, type.Unit, type.Specification!(band, codec)));
    }

    [Fact]
    public void Of_AnimatedGraphicsAndQualityControl_HaveNoSpecifications()
    {
        Assert.Null(UsageTaskTypes.Of(ActivityTypes.AnimatedGraphics)!.Specification);
        Assert.Null(UsageTaskTypes.Of(ActivityTypes.QualityControl)!.Specification);
        Assert.Equal(UsageUnit.Seconds, UsageTaskTypes.Of(ActivityTypes.AnimatedGraphics)!.Unit);
    }
}
