using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Workflows;

namespace Mediaflow.Domain.Tests.Workflows;

public class WorkflowTranslatorTests
{
    private static WorkflowDefinition Parse(string json) => JsonSerializer.Deserialize<WorkflowDefinition>(json)!;

    private static string Body(string mediaProcessTask, string extra = "") => $$$"""
        {"WorkflowName":"wf-1","Trigger":{"Type":"CosFileUpload","CosFileUploadTrigger":{"Bucket":"b-1","Region":"ap-guangzhou","Dir":"/in/"}},
         "OutputDir":"/out/","MediaProcessTask":{{{mediaProcessTask}}}{{{extra}}}}
        """;

    [Fact]
    public void Translate_TaskSets_OneActionNodePerEntryUnderInputFeedingOutput()
    {
        var translation = WorkflowTranslator.Translate(Parse(Body("""
            {"TranscodeTaskSet":[{"Definition":100010},{"Definition":100020}],"SnapshotByTimeOffsetTaskSet":[{"Definition":10,"ExtTimeOffsetSet":["1s"]}],
             "ImageSpriteTaskSet":[{"Definition":10}],"AdaptiveDynamicStreamingTaskSet":null}
            """)));

        var activities = translation.Definition.Activities!;
        Assert.Equal(["input", "action-trans", "action-trans", "action-snapshotByTimeOffset", "action-image-sprite", "output"], activities.Select(a => a.ActivityType));
        Assert.Equal([1L, 2, 3, 4], activities[0].ReardriveIndex!);
        Assert.All(activities.Skip(1).Take(4), a => Assert.Equal([5L], a.ReardriveIndex!));
        Assert.Equal([100010L, 100020], activities.Skip(1).Take(2).Select(a => a.ActivityPara!.TranscodeTask!.Definition!.Value));
        Assert.Equal(["1s"], activities[3].ActivityPara!.SnapshotByTimeOffsetTask!.ExtTimeOffsetSet!);
        Assert.Equal(10, activities[4].ActivityPara!.ImageSpriteTask!.Definition);
        Assert.Equal("wf-1", translation.Definition.ScheduleName);
        Assert.Equal("/out/", translation.Definition.OutputDir);
        DagValidator.Validate(activities); // the engine's own rules accept it
    }

    [Theory]
    [InlineData("""{"CoverBySnapshotTaskSet":[{"Definition":10}]}""", "", "InvalidParameterValue.CoverBySnapshotTaskSet")]
    [InlineData("""{"TranscodeTaskSet":[{"Definition":100010}]}""", ""","AiAnalysisTask":{"Definition":10}""", "InvalidParameterValue.AiAnalysisTask")]
    [InlineData("""{"TranscodeTaskSet":[{"Definition":100010}]}""", ""","TaskPriority":11""", "InvalidParameterValue.TaskPriority")]
    [InlineData("""{"TranscodeTaskSet":[]}""", "", "MissingParameter")]
    [InlineData("""{"TranscodeTaskSet":{"Definition":100010}}""", "", "InvalidParameterValue.TranscodeTaskSet")]
    public void Translate_RefusedMembers_NamedInTheCode(string mediaProcessTask, string extra, string code)
    {
        var exception = Assert.Throws<ApiException>(() => WorkflowTranslator.Translate(Parse(Body(mediaProcessTask, extra))));
        Assert.Equal(code, exception.Code);
    }

    [Fact]
    public void Translate_NodeError_NamesTheTaskSetEntryNotTheDagIndex()
    {
        var exception = Assert.Throws<ApiException>(() => WorkflowTranslator.Translate(Parse(Body("""
            {"TranscodeTaskSet":[{"Definition":100010},{"Definition":0}]}
            """))));
        Assert.Equal(ApiErrorCodes.MissingParameter, exception.Code);
        Assert.StartsWith("MediaProcessTask.TranscodeTaskSet[1]: ", exception.Message, StringComparison.Ordinal);
    }
}
