using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Workflows;

/// <summary>A workflow translated to the DAG the engine runs, with the workflow-side name of every node for error messages.</summary>
public sealed record WorkflowTranslation(OrchestrationDefinition Definition, IReadOnlyList<string> NodeLabels)
{
    /// <summary>Rewrites an orchestration error (<c>Activities[i]: …</c>, <c>ScheduleName</c>) in the workflow's terms.</summary>
    public ApiException Relabel(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message.Replace("ScheduleName", "WorkflowName", StringComparison.Ordinal);
        for (var i = NodeLabels.Count - 1; i >= 0; i--)
        {
            message = message.Replace($"Activities[{i}]", NodeLabels[i], StringComparison.Ordinal);
        }

        return new ApiException(exception.Code, message);
    }
}

/// <summary>
/// Translates a legacy workflow into an orchestration: node 0 is the input, each task set entry becomes one action node
/// under it (the node type the <see cref="NodeTypeCatalog"/> gives for the set), all feeding the output node last.
/// Task sets whose node type this build does not execute, and the AI task members, are refused by name.
/// </summary>
public static class WorkflowTranslator
{
    private static readonly JsonSerializerOptions Json = new() { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    public static WorkflowTranslation Translate(WorkflowDefinition workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (string.IsNullOrEmpty(workflow.WorkflowName))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "WorkflowName is required");
        }

        if (workflow.TaskPriority is < -10 or > 10)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("TaskPriority"), "TaskPriority must be -10..10");
        }

        var refused = workflow.Other?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (refused is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(refused), $"{refused} is not supported by this server yet; only MediaProcessTask runs in a workflow");
        }

        var entries = new List<(NodeType Type, JsonElement Input, string Label)>();
        foreach (var (member, value) in workflow.MediaProcessTask ?? [])
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var type = NodeTypeCatalog.ForWorkflowTaskSet(member)
                ?? throw new ApiException(ApiErrorCodes.InvalidValue(member), $"MediaProcessTask.{member} is not a MediaProcessTask member");
            if (!type.Implemented)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue(member), $"MediaProcessTask.{member} is not supported by this server yet ({type.ActivityType} nodes do not run here)");
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue(member), $"MediaProcessTask.{member} must be an array");
            }

            entries.AddRange(value.EnumerateArray().Select((input, j) => (type, input, $"MediaProcessTask.{member}[{j}]")));
        }

        if (entries.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "MediaProcessTask needs at least one task set entry");
        }

        var output = entries.Count + 1;
        var activities = new List<Activity> { new() { ActivityType = ActivityTypes.Input, ReardriveIndex = Enumerable.Range(1, entries.Count).Select(i => (long)i).ToList() } };
        activities.AddRange(entries.Select(e => new Activity { ActivityType = e.Type.ActivityType, ReardriveIndex = [output], ActivityPara = Para(e.Type, e.Input, e.Label) }));
        activities.Add(new Activity { ActivityType = ActivityTypes.Output });
        var labels = new List<string> { "input" };
        labels.AddRange(entries.Select(e => e.Label));
        labels.Add("output");

        var translation = new WorkflowTranslation(new OrchestrationDefinition
        {
            ScheduleName = workflow.WorkflowName,
            Trigger = workflow.Trigger,
            Activities = activities,
            OutputStorage = workflow.OutputStorage,
            OutputDir = workflow.OutputDir,
            TaskNotifyConfig = workflow.TaskNotifyConfig,
        }, labels);
        try
        {
            OrchestrationRules.Validate(translation.Definition);
        }
        catch (ApiException exception)
        {
            throw translation.Relabel(exception);
        }

        return translation;
    }

    private static ActivityPara Para(NodeType type, JsonElement input, string label)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"{label} must be an object");
        }

        try
        {
            return new JsonObject { [type.ParaMember] = JsonNode.Parse(input.GetRawText()) }.Deserialize<ActivityPara>(Json)
                ?? throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"{label} must be an object");
        }
        catch (JsonException exception)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"{label}: {exception.Message}");
        }
    }
}
