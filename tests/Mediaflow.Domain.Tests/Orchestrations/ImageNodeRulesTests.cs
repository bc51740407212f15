using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>Field rules of the screenshot-family nodes (reference/mps-api.md §10) and their default output names (§8).</summary>
public class ImageNodeRulesTests
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false };

    /// <summary>input → one node of <paramref name="type"/> with ActivityPara <paramref name="para"/> → output.</summary>
    public static List<Activity> Dag(string type, string para) => JsonSerializer.Deserialize<List<Activity>>(
        $$$"""[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"{{{type}}}","ReardriveIndex":[2],"ActivityPara":{{{para}}}},{"ActivityType":"output"}]""", Wire)!;

    [Theory]
    [InlineData("action-snapshotByTimeOffset", """{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["1s","10%"],"TimeOffsetSet":[2.5],"OutputObjectPath":"shots/{inputName}_{number}.{format}","ObjectNumberFormat":{"MinLength":3}}}""")]
    [InlineData("action-samplesnapshot", """{"SampleSnapshotTask":{"Definition":10,"OutputStorage":{"Type":"COS","CosOutputStorage":{"Bucket":"b"}}}}""")]
    [InlineData("action-image-sprite", """{"ImageSpriteTask":{"Definition":10,"OutputObjectPath":"/s/{number}.jpg","WebVttObjectName":"/s/index.{format}"}}""")]
    [InlineData("action-animated-graphics", """{"AnimatedGraphicTask":{"Definition":10,"StartTimeOffset":0,"EndTimeOffset":2.5}}""")]
    public void ValidateActivities_ImageNode_Accepted(string type, string para) =>
        OrchestrationRules.ValidateActivities(Dag(type, para));

    [Theory]
    [InlineData("action-snapshotByTimeOffset", """{"SnapshotByTimeOffsetTask":{"ExtTimeOffsetSet":["1s"]}}""", ApiErrorCodes.MissingParameter)]
    [InlineData("action-snapshotByTimeOffset", """{"SnapshotByTimeOffsetTask":{"Definition":10}}""", ApiErrorCodes.MissingParameter)]
    [InlineData("action-snapshotByTimeOffset", """{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["soon"]}}""", "InvalidParameterValue.ExtTimeOffsetSet")]
    [InlineData("action-snapshotByTimeOffset", """{"SnapshotByTimeOffsetTask":{"Definition":10,"TimeOffsetSet":[-1]}}""", "InvalidParameterValue.TimeOffsetSet")]
    [InlineData("action-snapshotByTimeOffset", """{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["1s"],"WatermarkSet":[{"Definition":1,"TextContent":"x"}]}}""", "InvalidParameterValue.TextContent")]
    [InlineData("action-samplesnapshot", """{"SampleSnapshotTask":{"Definition":10,"WatermarkSet":[{"Definition":0}]}}""", "InvalidParameterValue.RawParameter")]
    [InlineData("action-image-sprite", """{"ImageSpriteTask":{"Definition":10,"WatermarkSet":[{"Definition":1}]}}""", "InvalidParameterValue.WatermarkSet")]
    [InlineData("action-samplesnapshot", """{"SampleSnapshotTask":{"Definition":10,"ExtInfo":"x"}}""", "InvalidParameterValue.ExtInfo")]
    [InlineData("action-samplesnapshot", """{"SampleSnapshotTask":{"Definition":10,"OutputObjectPath":"shots/noext"}}""", ApiErrorCodes.InvalidParameterValue)]
    [InlineData("action-image-sprite", """{"ImageSpriteTask":{"Definition":10,"WebVttObjectName":"index"}}""", "InvalidParameterValue.WebVttObjectName")]
    [InlineData("action-animated-graphics", """{"AnimatedGraphicTask":{"Definition":10,"StartTimeOffset":1}}""", ApiErrorCodes.MissingParameter)]
    [InlineData("action-animated-graphics", """{"AnimatedGraphicTask":{"Definition":10,"StartTimeOffset":-1,"EndTimeOffset":1}}""", "InvalidParameterValue.StartTimeOffset")]
    [InlineData("action-animated-graphics", """{"AnimatedGraphicTask":{"Definition":10,"StartTimeOffset":2,"EndTimeOffset":2}}""", "InvalidParameterValue.EndTimeOffset")]
    [InlineData("action-animated-graphics", """{"AnimatedGraphicTask":{"Definition":10,"StartTimeOffset":0,"EndTimeOffset":1,"OutputStorage":{"Type":"AWS-S3"}}}""", ApiErrorCodes.UnsupportedOperation)]
    public void ValidateActivities_BadImageNodeField_Refused(string type, string para, string code)
    {
        var error = Refusal.Expect(code, () => OrchestrationRules.ValidateActivities(Dag(type, para)));
        if (code != ApiErrorCodes.UnsupportedOperation)
        {
            Assert.StartsWith("Activities[1]", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ValidateActivities_MoreThan100Offsets_Refused()
    {
        var offsets = string.Join(',', Enumerable.Range(0, 101).Select(i => $"\"{i}s\""));
        Refusal.Expect("InvalidParameterValue.ExtTimeOffsetSet", () => OrchestrationRules.ValidateActivities(
            Dag("action-snapshotByTimeOffset", $$$"""{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":[{{{offsets}}}]}}""")));
    }

    [Theory]
    [InlineData(OutputPaths.SnapshotByTimeOffsetPattern, "png", "2", "/out/clip_snapshotByTimeOffset_10_2.png")]
    [InlineData(OutputPaths.SampleSnapshotPattern, "jpg", "007", "/out/clip_sampleSnapshot_10_007.jpg")]
    [InlineData(OutputPaths.ImageSpritePattern, "jpg", "0", "/out/clip_imageSprite_10_0.jpg")]
    [InlineData(OutputPaths.ImageSpriteWebVttPattern, "vtt", null, "/out/clip_imageSprite_10.vtt")]
    [InlineData(OutputPaths.AnimatedGraphicPattern, "gif", null, "/out/clip_animatedGraphic_10.gif")]
    public void ObjectKey_ImageDefaults_Section8Names(string pattern, string format, string? number, string expected) =>
        Assert.Equal(expected, OutputPaths.WirePath(OutputPaths.ObjectKey("/out/", null, pattern,
            OutputPathVariables.ForInput("in/clip.mp4", format, 10) with { Number = number })));
}
