using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>The wire model read the way the API reads it: PascalCase as declared, case-sensitive (reference/mps-api.md §16).</summary>
public class OrchestrationJsonTests
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false };

    /// <summary>CreateSchedule body as the official Node SDK sent it (reference/mps-api.md §1.1).</summary>
    private const string CapturedCreateSchedule = """
        {"ScheduleName":"demo-schedule","Trigger":{"Type":"CosFileUpload","CosFileUploadTrigger":{"Bucket":"test-1250000000","Region":"ap-guangzhou","Dir":"/input/","Formats":["mp4","mov"]}},
         "Activities":[{"ActivityType":"input","ReardriveIndex":[1,2]},
                       {"ActivityType":"action-trans","ReardriveIndex":[3],"ActivityPara":{"TranscodeTask":{"Definition":100010}}},
                       {"ActivityType":"action-snapshotByTimeOffset","ReardriveIndex":[3],"ActivityPara":{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["1s","50%"]}}},
                       {"ActivityType":"output"}],
         "OutputStorage":{"Type":"COS","CosOutputStorage":{"Bucket":"test-1250000000","Region":"ap-guangzhou"}},"OutputDir":"/output/",
         "TaskNotifyConfig":{"NotifyType":"URL","NotifyUrl":"http://127.0.0.1:9/cb","NotifyKey":"k"}}
        """;

    private static OrchestrationDefinition Read(string json) =>
        JsonSerializer.Deserialize<OrchestrationDefinition>(json, Wire) ?? throw new InvalidOperationException("null body");

    private static OrchestrationDefinition WithActivities(string activitiesJson) => Read(CapturedCreateSchedule) with
    {
        Activities = JsonSerializer.Deserialize<List<Activity>>(activitiesJson, Wire),
    };

    [Fact]
    public void Deserialize_CapturedCreateSchedule_ReadsEveryTopLevelField()
    {
        var definition = Read(CapturedCreateSchedule);

        Assert.Equal("demo-schedule", definition.ScheduleName);
        Assert.Equal(WorkflowTrigger.CosFileUpload, definition.Trigger?.Type);
        var cos = definition.Trigger?.CosFileUploadTrigger;
        Assert.NotNull(cos);
        Assert.Equal("test-1250000000", cos.Bucket);
        Assert.Equal("ap-guangzhou", cos.Region);
        Assert.Equal("/input/", cos.Dir);
        Assert.Equal(["mp4", "mov"], cos.Formats);
        Assert.Equal("COS", definition.OutputStorage?.Type);
        Assert.Equal("test-1250000000", definition.OutputStorage?.CosOutputStorage?.Bucket);
        Assert.Equal("/output/", definition.OutputDir);
        Assert.Equal("URL", definition.TaskNotifyConfig?.NotifyType);
        Assert.Equal("http://127.0.0.1:9/cb", definition.TaskNotifyConfig?.NotifyUrl);
        Assert.Equal("k", definition.TaskNotifyConfig?.NotifyKey);
        Assert.Null(definition.ResourceId);
    }

    [Fact]
    public void Deserialize_CapturedCreateSchedule_ReadsTheDag()
    {
        var activities = Read(CapturedCreateSchedule).Activities;

        Assert.NotNull(activities);
        Assert.Equal(["input", "action-trans", "action-snapshotByTimeOffset", "output"], activities.Select(a => a.ActivityType));
        Assert.Equal([1L, 2L], activities[0].ReardriveIndex);
        Assert.Equal(100010, activities[1].ActivityPara?.TranscodeTask?.Definition);
        Assert.Equal(["TranscodeTask"], activities[1].ActivityPara!.SetMembers());
        Assert.Null(activities[3].ReardriveIndex);
        Assert.Null(activities[3].ActivityPara);
    }

    [Fact]
    public void Deserialize_SnapshotNode_ReadsTheTypedPara()
    {
        var para = Read(CapturedCreateSchedule).Activities![2].ActivityPara;

        Assert.NotNull(para);
        Assert.Null(para.TranscodeTask);
        Assert.Null(para.Other);
        Assert.Equal(10, para.SnapshotByTimeOffsetTask?.Definition);
        Assert.Equal(["1s", "50%"], para.SnapshotByTimeOffsetTask?.ExtTimeOffsetSet);
        Assert.Equal([new TimeOffset(1, false), new TimeOffset(50, true)], para.SnapshotByTimeOffsetTask!.Offsets());
        Assert.Equal(["SnapshotByTimeOffsetTask"], para.SetMembers());
    }

    [Fact]
    public void Validate_CapturedCreateSchedule_AcceptsTheSnapshotNode() =>
        OrchestrationRules.Validate(Read(CapturedCreateSchedule));

    [Fact]
    public void Validate_SnapshotNodeWithWatermarkSet_ParsedAndAccepted()
    {
        var definition = WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-snapshotByTimeOffset","ReardriveIndex":[2],"ActivityPara":{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["1s"],"WatermarkSet":[{"Definition":1,"StartTimeOffset":1}]}}},
             {"ActivityType":"output"}]
            """);

        OrchestrationRules.Validate(definition);
        var watermark = Assert.Single(definition.Activities![1].ActivityPara!.SnapshotByTimeOffsetTask!.WatermarkSet!);
        Assert.Equal((1, 1.0), (watermark.Definition, watermark.StartTimeOffset));
    }

    [Fact]
    public void Validate_CapturedCreateScheduleWithoutTheSnapshotNode_IsValid() =>
        OrchestrationRules.Validate(WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010}}},
             {"ActivityType":"output"}]
            """));

    [Fact]
    public void Validate_TranscodeWithWatermarkSetAndMosaicSet_ParsedAndAccepted()
    {
        var definition = WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010,"WatermarkSet":[{"Definition":1,"TextContent":"hi"}],"MosaicSet":[{"XPos":"10%","Width":"20px"}]}}},
             {"ActivityType":"output"}]
            """);

        OrchestrationRules.Validate(definition);
        var transcode = definition.Activities![1].ActivityPara!.TranscodeTask!;
        Assert.Null(transcode.NotYetSupported);
        Assert.Equal("hi", Assert.Single(transcode.WatermarkSet!).TextContent);
        Assert.Equal(("10%", "20px"), (Assert.Single(transcode.MosaicSet!).XPos, transcode.MosaicSet![0].Width));
    }

    [Theory]
    [InlineData("BlindWatermark", """{"Definition":1}""")]
    public void Validate_TranscodeWithOtherUnimplementedField_RefusedNamingTheField(string field, string value)
    {
        var transcode = "{\"Definition\":100010,\"" + field + "\":" + value + "}";
        var definition = WithActivities(
            """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":"""
            + transcode + """}},{"ActivityType":"output"}]""");

        Refusal.Expect(ApiErrorCodes.InvalidValue(field), () => OrchestrationRules.Validate(definition));
    }

    [Fact]
    public void Validate_UnimplementedTranscodeFieldSentAsNull_IsIgnoredLikeNullParaMembers() =>
        OrchestrationRules.Validate(WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010,"WatermarkSet":null}}},
             {"ActivityType":"output"}]
            """));

    [Fact]
    public void Validate_NullThenRealUnimplementedField_NamesTheRealOne() =>
        Refusal.Expect("InvalidParameterValue.BlindWatermark", () => OrchestrationRules.Validate(WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010,"OutputObjectPath":null,"BlindWatermark":{"Definition":1}}}},
             {"ActivityType":"output"}]
            """)));

    [Fact]
    public void Deserialize_WrongCaseParaMember_LandsInOtherAndIsRefused()
    {
        var definition = WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"transcodeTask":{"Definition":100010}}},
             {"ActivityType":"output"}]
            """);

        Assert.Null(definition.Activities![1].ActivityPara!.TranscodeTask);
        var error = Refusal.ExpectNode(1, () => OrchestrationRules.Validate(definition));
        Assert.Contains("transcodeTask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ExplicitNullParaMember_IsNotCountedAsSet()
    {
        var definition = WithActivities("""
            [{"ActivityType":"input","ReardriveIndex":[1]},
             {"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010},"SampleSnapshotTask":null}},
             {"ActivityType":"output"}]
            """);

        Assert.Equal(["TranscodeTask"], definition.Activities![1].ActivityPara!.SetMembers());
        OrchestrationRules.Validate(definition);
    }

    [Fact]
    public void RoundTrip_CapturedCreateSchedule_KeepsUnimplementedParaVerbatim()
    {
        var first = Read(CapturedCreateSchedule.Replace(
            "{\"SnapshotByTimeOffsetTask\":", "{\"AiQualityControlTask\":", StringComparison.Ordinal));
        var written = JsonSerializer.Serialize(first, Wire);
        var second = Read(written);

        var analysis = second.Activities![2].ActivityPara!.Other!["AiQualityControlTask"];
        Assert.Equal("""{"Definition":10,"ExtTimeOffsetSet":["1s","50%"]}""", analysis.GetRawText());
        Assert.Equal(100010, second.Activities[1].ActivityPara?.TranscodeTask?.Definition);
        Assert.Equal(first.Trigger?.CosFileUploadTrigger?.Formats, second.Trigger?.CosFileUploadTrigger?.Formats);
        Assert.Contains("\"ReardriveIndex\":[1,2]", written, StringComparison.Ordinal);
    }
}
