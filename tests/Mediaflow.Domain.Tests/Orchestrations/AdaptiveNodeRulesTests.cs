using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>Field rules of the adaptive-streaming node (reference/mps-api.md §10) and its default output names (§8).</summary>
public class AdaptiveNodeRulesTests
{
    private const string Type = "action-adaptive-substream";

    [Theory]
    [InlineData("""{"Definition":10}""")]
    [InlineData("""{"Definition":20,"OutputObjectPath":"/vod/{inputName}/master.{format}","SubStreamObjectName":"rung_{subStreamNumber}.{format}","SegmentObjectName":"seg_{subStreamNumber}_{segmentNumber}.{format}"}""")]
    [InlineData("""{"Definition":10,"WatermarkSet":[{"Definition":1},{"Definition":2,"TextContent":"MF","StartTimeOffset":1,"EndTimeOffset":-1}]}""")]
    [InlineData("""{"Definition":10,"DefinitionType":"PureAudio","OutputStorage":{"Type":"COS","CosOutputStorage":{"Bucket":"b"}}}""")]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"simpleaes","SimpleAesDrm":{"Uri":"https://keys.example/1","Key":"000102030405060708090a0b0c0d0e0f","Vector":"0f0e0d0c0b0a09080706050403020100"}}}""")]
    [InlineData("""{"Definition":10,"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/en.srt"}},"SubtitleName":"English","SubtitleLanguage":"en","DefaultTrack":true}]}""")]
    public void ValidateActivities_AdaptiveNode_Accepted(string input) =>
        OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag(Type, $$"""{"AdaptiveDynamicStreamingTask":{{input}}}"""));

    [Theory]
    [InlineData("""{"OutputObjectPath":"a.m3u8"}""", ApiErrorCodes.MissingParameter)]
    [InlineData("""{"Definition":10,"WatermarkSet":[{"Definition":0,"RawParameter":{"Type":"image"}}]}""", "InvalidParameterValue.ImageContent")]
    [InlineData("""{"Definition":10,"WatermarkSet":[{}]}""", ApiErrorCodes.MissingParameter)]
    [InlineData("""{"Definition":10,"WatermarkSet":[{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1},{"Definition":1}]}""", "InvalidParameterValue.WatermarkSet")]
    [InlineData("""{"Definition":10,"WatermarkSet":[{"Definition":1,"StartTimeOffset":3,"EndTimeOffset":2}]}""", "InvalidParameterValue.EndTimeOffset")]
    [InlineData("""{"Definition":10,"BlindWatermark":{"Definition":1}}""", "InvalidParameterValue.BlindWatermark")]
    [InlineData("""{"Definition":10,"AddOnSubtitles":[{"Type":"subtitle-stream"}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("""{"Definition":10,"AddOnSubtitles":[{"Type":"close-caption-708","Subtitle":{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/a.scc"}}}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("""{"Definition":10,"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/en.srt"}},"SubtitleLanguage":"english!"}]}""", "InvalidParameterValue.SubtitleLanguage")]
    [InlineData("""{"Definition":10,"AddOnAudios":[{}]}""", "InvalidParameterValue.AddOnAudios")]
    [InlineData("""{"Definition":10,"SubtitleTemplate":{"Path":"x"}}""", "InvalidParameterValue.SubtitleTemplate")]
    [InlineData("""{"Definition":10,"StdExtInfo":"{}"}""", "InvalidParameterValue.StdExtInfo")]
    [InlineData("""{"Definition":10,"KeyPTSList":[1000]}""", "InvalidParameterValue.KeyPTSList")]
    [InlineData("""{"Definition":10,"StdExtStreamInfos":[{}]}""", "InvalidParameterValue.StdExtStreamInfos")]
    [InlineData("""{"Definition":10,"OutputStorage":{"Type":"AWS-S3"}}""", ApiErrorCodes.UnsupportedOperation)]
    [InlineData("""{"Definition":10,"OutputObjectPath":"noext"}""", ApiErrorCodes.InvalidParameterValue)]
    [InlineData("""{"Definition":10,"SubStreamObjectName":"sub/{subStreamNumber}.{format}"}""", "InvalidParameterValue.SubStreamObjectName")]
    [InlineData("""{"Definition":10,"SubStreamObjectName":"one.{format}"}""", "InvalidParameterValue.SubStreamObjectName")]
    [InlineData("""{"Definition":10,"SubStreamObjectName":"a$b_{subStreamNumber}.{format}"}""", "InvalidParameterValue.SubStreamObjectName")]
    [InlineData("""{"Definition":10,"SegmentObjectName":"s_{segmentNumber}.{format}"}""", "InvalidParameterValue.SegmentObjectName")]
    [InlineData("""{"Definition":10,"SegmentObjectName":"s_{subStreamNumber}_{segmentNumber}"}""", "InvalidParameterValue.SegmentObjectName")]
    [InlineData("""{"Definition":10,"DefinitionType":"Video"}""", "InvalidParameterValue.DefinitionType")]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"widevine","SpekeDrm":{"ResourceId":"r"}}}""", "InvalidParameterValue.DrmInfo")]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"simpleaes"}}""", ApiErrorCodes.MissingParameter)]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"simpleaes","SimpleAesDrm":{"Key":"000102030405060708090a0b0c0d0e0f"}}}""", "InvalidParameterValue.Uri")]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"simpleaes","SimpleAesDrm":{"Uri":"k","Key":"0001"}}}""", "InvalidParameterValue.Key")]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"simpleaes","SimpleAesDrm":{"Uri":"k","Key":"000102030405060708090a0b0c0d0e0f","Vector":"xyz"}}}""", "InvalidParameterValue.Vector")]
    [InlineData("""{"Definition":10,"DrmInfo":{"Type":"simpleaes","SimpleAesDrm":{"Uri":"k","Key":"000102030405060708090a0b0c0d0e0f"},"SpekeDrm":{"ResourceId":"r"}}}""", "InvalidParameterValue.SpekeDrm")]
    public void ValidateActivities_BadAdaptiveNodeField_Refused(string input, string code)
    {
        var error = Refusal.Expect(code, () => OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag(Type, $$"""{"AdaptiveDynamicStreamingTask":{{input}}}""")));
        if (code != ApiErrorCodes.UnsupportedOperation)
        {
            Assert.StartsWith("Activities[1]", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ObjectKey_AdaptiveDefaults_Section8Names()
    {
        var variables = OutputPathVariables.ForInput("in/clip.mp4", "m3u8", 10);

        Assert.Equal("out/clip_adaptiveDynamicStreaming_10.m3u8", OutputPaths.ObjectKey("/out/", null, OutputPaths.AdaptivePattern, variables));
        Assert.Equal("clip_adaptiveDynamicStreaming_10_2.m3u8", OutputPaths.Render(OutputPaths.AdaptiveSubStreamPattern, variables with { SubStreamNumber = "2" }));
        Assert.Equal("clip_adaptiveDynamicStreaming_10_2_7.ts",
            OutputPaths.Render(OutputPaths.AdaptiveSegmentPattern, variables with { Format = "ts", SubStreamNumber = "2", SegmentNumber = "7" }));
    }

    [Fact]
    public void Render_SubstitutedValueWithVariableName_NotExpandedAgain() =>
        Assert.Equal("a{segmentNumber}_1_2.ts", OutputPaths.Render("{inputName}_{subStreamNumber}_{segmentNumber}.{format}",
            new OutputPathVariables("a{segmentNumber}", "mp4", "ts", 10) { SubStreamNumber = "1", SegmentNumber = "2" }));
}
