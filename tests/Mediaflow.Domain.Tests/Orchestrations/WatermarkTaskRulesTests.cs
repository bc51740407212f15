using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>Rules of a node's WatermarkSet and MosaicSet (reference/mps-api.md §10): refusals name the field.</summary>
public class WatermarkTaskRulesTests
{
    private static string Transcode(string member, string json) => "{\"TranscodeTask\":{\"Definition\":100010,\"" + member + "\":" + json + "}}";

    private static readonly string Eleven = "[" + string.Join(',', Enumerable.Repeat("""{"Definition":1}""", 11)) + "]";

    [Theory]
    [InlineData("""[{"Definition":1},{"Definition":2,"StartTimeOffset":-3,"EndTimeOffset":0}]""")]
    [InlineData("""[{"Definition":1,"SvgContent":"<svg/>","StartTimeOffset":1,"EndTimeOffset":2}]""")]
    public void ValidateActivities_TranscodeWatermarks_Accepted(string set) =>
        OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag("action-trans", Transcode("WatermarkSet", set)));

    [Fact]
    public void ValidateActivities_ElevenWatermarks_InvalidWatermarkSet() =>
        Refusal.Expect("InvalidParameterValue.WatermarkSet", () => OrchestrationRules.ValidateActivities(
            ImageNodeRulesTests.Dag("action-trans", Transcode("WatermarkSet", Eleven))));

    [Theory]
    [InlineData("""[{}]""", ApiErrorCodes.MissingParameter)]
    [InlineData("""[{"Definition":0}]""", "InvalidParameterValue.RawParameter")]
    [InlineData("""[{"Definition":1,"RawParameter":{"Type":"image"}}]""", "InvalidParameterValue.RawParameter")]
    [InlineData("""[{"Definition":-5}]""", "InvalidParameterValue.Definition")]
    [InlineData("""[{"Definition":1,"StartTimeOffset":3,"EndTimeOffset":2}]""", "InvalidParameterValue.EndTimeOffset")]
    public void ValidateActivities_BadWatermark_NamesTheField(string set, string code)
    {
        var error = Refusal.Expect(code, () => OrchestrationRules.ValidateActivities(
            ImageNodeRulesTests.Dag("action-trans", Transcode("WatermarkSet", set))));
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_LongTextContent_InvalidTextContent() =>
        Refusal.Expect("InvalidParameterValue.TextContent", () => OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag("action-trans",
            $$$"""{"TranscodeTask":{"Definition":100010,"WatermarkSet":[{"Definition":1,"TextContent":"{{{new string('x', 101)}}}"}]}}""")));

    [Theory]
    [InlineData("""[{"XPos":"10%","YPos":"5px","Width":"20%","Height":"30px","StartTimeOffset":1}]""", null)]
    [InlineData("""[{"CoordinateOrigin":"TopRight"}]""", "InvalidParameterValue.CoordinateOrigin")]
    [InlineData("""[{"XPos":"left"}]""", "InvalidParameterValue.XPos")]
    [InlineData("""[{"Width":"0px"}]""", "InvalidParameterValue.Width")]
    [InlineData("""[{"Height":"150%"}]""", "InvalidParameterValue.Height")]
    public void ValidateActivities_MosaicSet_ValidOrNamesTheField(string set, string? code)
    {
        void Validate() => OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag("action-trans", Transcode("MosaicSet", set)));
        if (code is null)
        {
            Validate();
        }
        else
        {
            Refusal.Expect(code, Validate);
        }
    }

    [Fact]
    public void ValidateActivities_ElevenMosaics_InvalidMosaicSet() =>
        Refusal.Expect("InvalidParameterValue.MosaicSet", () => OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag("action-trans",
            Transcode("MosaicSet", "[" + string.Join(',', Enumerable.Repeat("{}", 11)) + "]"))));

    [Fact]
    public void ValidateAgainstTemplate_SvgWithoutBodyOrTextWithoutText_Refused()
    {
        var svg = new WatermarkTemplate { Definition = 7, Type = "svg" };
        var text = new WatermarkTemplate { Definition = 8, Type = "text", TextTemplate = new TextWatermarkTemplate { FontType = "arial.ttf" } };

        Refusal.Expect(ApiErrorCodes.MissingParameter, () => WatermarkTaskRules.ValidateAgainstTemplate(1, new WatermarkInput { Definition = 7 }, svg));
        Refusal.Expect("InvalidParameterValue.TextContent", () => WatermarkTaskRules.ValidateAgainstTemplate(1, new WatermarkInput { Definition = 8 }, text));
        WatermarkTaskRules.ValidateAgainstTemplate(1, new WatermarkInput { Definition = 7, SvgContent = "<svg/>" }, svg);
        WatermarkTaskRules.ValidateAgainstTemplate(1, new WatermarkInput { Definition = 8, TextContent = "hi" }, text);
    }

    [Fact]
    public void WatermarksOf_EachNodeWithAWatermarkSet_ItsSet()
    {
        WatermarkInput[] set = [new() { Definition = 3 }];

        Assert.Same(set, WatermarkTaskRules.WatermarksOf(new ActivityPara { TranscodeTask = new TranscodeTaskInput { WatermarkSet = set } }));
        Assert.Same(set, WatermarkTaskRules.WatermarksOf(new ActivityPara { SampleSnapshotTask = new SampleSnapshotTaskInput { WatermarkSet = set } }));
        Assert.Same(set, WatermarkTaskRules.WatermarksOf(new ActivityPara { SnapshotByTimeOffsetTask = new SnapshotByTimeOffsetTaskInput { WatermarkSet = set } }));
        Assert.Empty(WatermarkTaskRules.WatermarksOf(null));
    }
}
