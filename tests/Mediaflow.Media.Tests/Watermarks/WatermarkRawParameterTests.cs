using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Media.Tests.Watermarks;

/// <summary>
/// WatermarkInput Definition 0 (an inline image watermark whose picture is a store object): accepted on transcode nodes
/// and on the screenshot and adaptive nodes, validated by the image template rules with their error names.
/// </summary>
public sealed class WatermarkRawParameterTests
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false };

    private const string Image = """{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/mark.gif"}}""";

    private static List<Activity> Node(string type, string member, string task) => JsonSerializer.Deserialize<List<Activity>>(
        $$$"""[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"{{{type}}}","ReardriveIndex":[2],"ActivityPara":{"{{{member}}}":{{{task}}}}},{"ActivityType":"output"}]""", Wire)!;

    private static List<Activity> Transcode(string raw) =>
        Node("action-trans", "TranscodeTask", $$$"""{"Definition":100010,"WatermarkSet":[{"Definition":0,"RawParameter":{{{raw}}}}]}""");

    [Fact]
    public void ValidateActivities_InlineImageOnTranscode_AcceptedAndTyped()
    {
        var activities = Transcode($$$"""{"Type":"image","CoordinateOrigin":"BottomRight","XPos":"5%","YPos":"8px","ImageTemplate":{"ImageContent":{{{Image}}},"Width":"40px","RepeatType":"once"}}""");

        OrchestrationRules.ValidateActivities(activities);

        var template = activities[1].ActivityPara!.TranscodeTask!.WatermarkSet![0].RawParameter!.ToTemplate();
        Assert.Equal(("image", "BottomRight", "5%", "8px", "40px", "once"), (template.Type, template.CoordinateOrigin, template.XPos, template.YPos, template.ImageTemplate!.Width, template.ImageTemplate.RepeatType));
    }

    [Theory]
    [InlineData("""{"Type":"text","ImageTemplate":{"ImageContent":""" + Image + """}}""", "InvalidParameterValue.Type")]
    [InlineData("""{"Type":"image","ImageTemplate":{"ImageContent":{"Type":"URL"}}}""", "InvalidParameterValue.ImageContent")]
    [InlineData("""{"Type":"image"}""", "InvalidParameterValue.ImageContent")]
    [InlineData("""{"Type":"image","CoordinateOrigin":"Middle","ImageTemplate":{"ImageContent":""" + Image + """}}""", "InvalidParameterValue.CoordinateOrigin")]
    [InlineData("""{"Type":"image","XPos":"left","ImageTemplate":{"ImageContent":""" + Image + """}}""", "InvalidParameterValue.XPos")]
    [InlineData("""{"Type":"image","ImageTemplate":{"ImageContent":""" + Image + ""","Width":"5000px"}}""", "InvalidParameterValue.Width")]
    [InlineData("""{"Type":"image","ImageTemplate":{"ImageContent":""" + Image + ""","RepeatType":"twice"}}""", "InvalidParameterValue.RepeatType")]
    public void ValidateActivities_BadInlineWatermark_RefusedWithTheTemplateRuleName(string raw, string code)
    {
        var error = Assert.Throws<ApiException>(() => OrchestrationRules.ValidateActivities(Transcode(raw)));

        Assert.Equal(code, error.Code);
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("action-snapshotByTimeOffset", "SnapshotByTimeOffsetTask", ""","ExtTimeOffsetSet":["1s"]""")]
    [InlineData("action-samplesnapshot", "SampleSnapshotTask", "")]
    [InlineData("action-adaptive-substream", "AdaptiveDynamicStreamingTask", "")]
    public void ValidateActivities_InlineWatermarkOnScreenshotAndAdaptiveNodes_AcceptedAndValidatedByTheSameRules(string type, string member, string more)
    {
        List<Activity> Of(string raw) => Node(type, member, $$$"""{"Definition":10{{{more}}},"WatermarkSet":[{"Definition":0,"RawParameter":{{{raw}}}}]}""");

        OrchestrationRules.ValidateActivities(Of($$$"""{"Type":"image","ImageTemplate":{"ImageContent":{{{Image}}},"Width":"40px"}}"""));
        var error = Assert.Throws<ApiException>(() => OrchestrationRules.ValidateActivities(
            Of($$$"""{"Type":"image","ImageTemplate":{"ImageContent":{{{Image}}},"Width":"5000px"}}""")));

        Assert.Equal("InvalidParameterValue.Width", error.Code);
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }
}
