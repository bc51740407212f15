using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class ActivityTypesTests
{
    [Theory]
    [InlineData("action-trans", "Transcode")]
    [InlineData("action-samplesnapshot", "SampleSnapshot")]
    [InlineData("action-snapshotByTimeOffset", "SnapshotByTimeOffset")]
    [InlineData("action-image-sprite", "ImageSprites")]
    [InlineData("action-animated-graphics", "AnimatedGraphics")]
    [InlineData("action-adaptive-substream", "AdaptiveDynamicStreaming")]
    [InlineData("action-aiReview", "AiContentReview")]
    [InlineData("action-AIAnalysis", "AIAnalysis")]
    [InlineData("action-AIRecognition", "AIRecognition")]
    [InlineData("action-AIQualityControl", "AiQualityControl")]
    [InlineData("action-SmartSubtitles", "SmartSubtitles")]
    [InlineData("action-SmartErase", "SmartErase")]
    [InlineData("action-exec-rules", "ExecRules")]
    public void ResultType_EveryKnownAction_SpecName(string activityType, string resultType)
    {
        Assert.Contains(activityType, ActivityTypes.KnownActions);
        Assert.Equal(resultType, ActivityTypes.ResultType(activityType));
    }

    [Fact]
    public void KnownActions_AreThe13OfTheSpec() => Assert.Equal(13, ActivityTypes.KnownActions.Count);

    [Fact]
    public void ImplementedActions_AreKnown() => Assert.Subset(ActivityTypes.KnownActions.ToHashSet(), ActivityTypes.ImplementedActions.ToHashSet());

    [Fact]
    public void KnownActions_CaseSensitive() => Assert.DoesNotContain("Action-Trans", ActivityTypes.KnownActions);
}
