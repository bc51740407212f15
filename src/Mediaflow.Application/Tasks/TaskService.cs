using Mediaflow.Application.Schedules;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Storage;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Application.Tasks;

/// <summary>Starting tasks by hand (ProcessMedia) and aborting them (ManageTask).</summary>
public sealed partial class TaskService(
    IDbContextOutbox<MediaflowDbContext> outbox,
    IObjectStore store,
    OrchestrationValidation validation,
    TaskStateWriter writer,
    TaskProgression progression,
    RunningTasks running,
    TimeProvider time)
{
    private static readonly TimeSpan SessionWindow = TimeSpan.FromDays(3);

    // The WorkflowTask-style members, refused by name until implemented; any other unknown field is ignored (newer SDKs add fields).
    private static readonly HashSet<string> FlatTaskMembers = new(StringComparer.Ordinal)
    {
        "MediaProcessTask", "AiContentReviewTask", "AiAnalysisTask", "AiRecognitionTask", "SmartSubtitlesTask", "SmartEraseTask",
    };

    /// <summary>The flat member that runs as a one-node WorkflowTask: <c>input → action-AIQualityControl → output</c>.</summary>
    private const string FlatQualityControl = "AiQualityControlTask";

    public async Task<string> ProcessMediaAsync(long appId, ProcessMediaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Other?.FirstOrDefault(kv => FlatTaskMembers.Contains(kv.Key) && !FlatAiTasks.Handles(kv.Key) && kv.Value.ValueKind != System.Text.Json.JsonValueKind.Null) is { Key: { } flat })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(flat), $"{flat} (flat WorkflowTask mode) is not supported yet; pass Activities or ScheduleId");
        }

        var input = await ResolveInputAsync(appId, request.InputInfo, cancellationToken);
        await CheckSessionAsync(appId, request, cancellationToken);
        var priority = request.TasksPriority ?? 0;
        if (priority is < -10 or > 10)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "TasksPriority must be -10..10");
        }

        var (schedule, definition) = await ResolveDagAsync(appId, request, cancellationToken);
        OrchestrationRules.ValidateOutputStorage(request.OutputStorage, "OutputStorage");
        if (request.OutputStorage is null && definition.OutputStorage?.Type == TaskOutputStorage.AwsS3)
        {
            throw new ApiException(ApiErrorCodes.UnsupportedOperation, "ProcessMedia cannot write to the schedule's AWS-S3 OutputStorage yet; pass a COS OutputStorage");
        }
        OrchestrationRules.ValidateDir(request.OutputDir, "OutputDir");
        validation.ValidateNotify(request.TaskNotifyConfig);
        await validation.ValidateOutputAsync(appId, request.OutputStorage, "OutputStorage", cancellationToken);

        var db = outbox.DbContext;
        var templates = await TemplateResolver.ResolveAsync(db, appId, definition.Activities!, cancellationToken);
        var sessionKey = SessionKey(appId, request.SessionId);
        var newTask = TaskRequests.ForSchedule(schedule, definition, templates, input, lineageDepth: 0, idempotencyKey: sessionKey,
            request.OutputStorage, request.OutputDir, request.TaskNotifyConfig, request.SessionId ?? "", request.SessionContext ?? "", (int)priority);
        var (task, nodes) = TaskRowFactory.Create(newTask, time.GetUtcNow());
        db.Tasks.Add(task);
        db.NodeRuns.AddRange(nodes);
        await outbox.PublishAsync(new StartTask(task.TaskId));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (sessionKey is not null && UniqueViolation.Is(exception))
        {
            throw SessionTaken(request.SessionId!); // a concurrent request with the same SessionId committed first
        }

        return task.TaskId;
    }

    /// <summary>
    /// A SessionId'd task carries <c>session:&lt;appId&gt;:&lt;SessionId&gt;</c> as its idempotency key, so the unique index
    /// makes de-duplication atomic; trigger keys start with a schedule id and never collide with it.
    /// </summary>
    private static string? SessionKey(long appId, string? sessionId) => string.IsNullOrEmpty(sessionId) ? null : $"session:{appId}:{sessionId}";

    private static ApiException SessionTaken(string sessionId) =>
        new(ApiErrorCodes.InvalidValue("SessionId"), $"a task with SessionId '{sessionId}' was submitted in the last 3 days");

    /// <summary>ManageTask Abort (our extension: WAITING and PROCESSING tasks): unfinished nodes FAIL with FailedOperation.TaskAborted.</summary>
    public async Task ManageAsync(long appId, string operationType, string taskId, CancellationToken cancellationToken)
    {
        if (operationType != "Abort")
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("InvalidOperationType"), $"OperationType '{operationType}' is not supported; use Abort");
        }

        var exists = await outbox.DbContext.Tasks.AsNoTracking().AnyAsync(t => t.TaskId == taskId && t.AppId == appId, cancellationToken);
        if (!exists)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("TaskId"), $"task {taskId} does not exist");
        }

        var aborted = await writer.UpdateAsync(taskId, async (state, bus) =>
        {
            if (state.Task.Status == Domain.Tasks.TaskFlowStatus.Finish)
            {
                return false;
            }

            state.Task.Message = "aborted by ManageTask";
            state.Task.BeginProcessTime ??= time.GetUtcNow();
            await progression.FailAllAsync(state, Domain.Tasks.TaskErrorCodes.TaskAborted, "task aborted by ManageTask", bus);
            return true;
        }, cancellationToken);
        if (!aborted)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("NotProcessingTask"), $"task {taskId} has already finished");
        }

        running.Abort(taskId);
    }

    private async Task<StoredObjectInfo> ResolveInputAsync(long appId, MediaInputInfo? inputInfo, CancellationToken cancellationToken)
    {
        if (inputInfo is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "InputInfo is required");
        }

        switch (inputInfo.Type)
        {
            case "COS":
                break;
            case "URL":
                throw new ApiException(ApiErrorCodes.UnsupportedOperation, "URL inputs are refused until the SSRF guard exists; upload the file to a bucket");
            case null or "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "InputInfo.Type is required");
            default:
                throw new ApiException(ApiErrorCodes.UnsupportedOperation, $"InputInfo.Type '{inputInfo.Type}' is not supported; use COS");
        }

        var cos = inputInfo.CosInputInfo ?? throw new ApiException(ApiErrorCodes.MissingParameter, "InputInfo.CosInputInfo is required");
        if (string.IsNullOrEmpty(cos.Bucket) || string.IsNullOrEmpty(cos.Region) || string.IsNullOrEmpty(cos.Object))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "InputInfo.CosInputInfo needs Bucket, Region and Object");
        }

        var stored = await store.HeadAsync(appId, cos.Bucket, cos.Key, cancellationToken);
        if (stored is null || stored.Region != cos.Region)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("InputInfo"), $"object {cos.Object} does not exist in bucket {cos.Bucket} ({cos.Region})");
        }

        return stored;
    }

    private async Task CheckSessionAsync(long appId, ProcessMediaRequest request, CancellationToken cancellationToken)
    {
        if (request.SessionContext is { Length: > 1000 })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("SessionContextTooLong"), "SessionContext is longer than 1000 characters");
        }

        if (string.IsNullOrEmpty(request.SessionId))
        {
            return;
        }

        if (request.SessionId.Length > 50)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("SessionIdTooLong"), "SessionId is longer than 50 characters");
        }

        var since = time.GetUtcNow() - SessionWindow;
        if (await outbox.DbContext.Tasks.AsNoTracking().AnyAsync(t => t.AppId == appId && t.SessionId == request.SessionId && t.CreateTime >= since, cancellationToken))
        {
            throw SessionTaken(request.SessionId);
        }

        // Past the window the SessionId may be used again: the older task gives up the key (it still echoes its SessionId).
        var key = SessionKey(appId, request.SessionId);
        await outbox.DbContext.Tasks.Where(t => t.IdempotencyKey == key && t.CreateTime < since)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.IdempotencyKey, (string?)null), cancellationToken);
    }

    private async Task<(ScheduleRow Schedule, OrchestrationDefinition Definition)> ResolveDagAsync(long appId, ProcessMediaRequest request, CancellationToken cancellationToken)
    {
        if (request.Other?.GetValueOrDefault(FlatQualityControl) is { ValueKind: not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) } flat)
        {
            return await FlatQualityControlAsync(appId, request, flat, cancellationToken);
        }

        if (FlatAiTasks.Find(request) is var (flatMember, flatValue))
        {
            return await FlatAiAsync(appId, request, flatMember, flatValue, cancellationToken);
        }

        if (request.Activities is { Count: > 0 } activities)
        {
            OrchestrationRules.ValidateActivities(activities);
            await validation.ValidateActivitiesAsync(appId, activities, cancellationToken);
            var adHoc = new ScheduleRow { AppId = appId, Id = 0, Version = 0 };
            return (adHoc, new OrchestrationDefinition { Activities = activities.Select(a => a with { PredriveIndex = null }).ToList(), ResourceId = request.ResourceId });
        }

        if (request.ScheduleId is not { } scheduleId)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "ScheduleId or Activities is required");
        }

        var schedule = await outbox.DbContext.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId && s.AppId == appId && s.Kind == ScheduleKinds.Schedule, cancellationToken)
            ?? throw new ApiException(ApiErrorCodes.TemplateNotExist, $"schedule {scheduleId} does not exist");
        var definition = EngineJson.Deserialize<OrchestrationDefinition>(schedule.DefinitionJson);
        return (schedule, request.ResourceId is null ? definition : definition with { ResourceId = request.ResourceId });
    }

    /// <summary>
    /// Flat <c>AiQualityControlTask</c> (spec §11): the inspection alone, as a WorkflowTask whose result is
    /// <c>AiQualityControlTaskResult</c>; not combined with Activities or ScheduleId.
    /// </summary>
    private async Task<(ScheduleRow Schedule, OrchestrationDefinition Definition)> FlatQualityControlAsync(
        long appId, ProcessMediaRequest request, System.Text.Json.JsonElement flat, CancellationToken cancellationToken)
    {
        if (request.Activities is { Count: > 0 } || request.ScheduleId is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(FlatQualityControl), $"{FlatQualityControl} runs alone; it cannot be combined with Activities or ScheduleId");
        }

        AiQualityControlTaskInput input;
        try
        {
            input = System.Text.Json.JsonSerializer.Deserialize<AiQualityControlTaskInput>(flat, EngineJson.Options)
                ?? throw new ApiException(ApiErrorCodes.InvalidValue(FlatQualityControl), $"{FlatQualityControl} must be an object");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, $"{FlatQualityControl}: {exception.Message}");
        }

        List<Activity> activities =
        [
            new() { ActivityType = ActivityTypes.Input, ReardriveIndex = [1] },
            new() { ActivityType = ActivityTypes.QualityControl, ReardriveIndex = [2], ActivityPara = new ActivityPara { QualityControlTask = input } },
            new() { ActivityType = ActivityTypes.Output, ReardriveIndex = [] },
        ];
        OrchestrationRules.ValidateActivities(activities);
        await validation.ValidateActivitiesAsync(appId, activities, cancellationToken);
        var adHoc = new ScheduleRow { AppId = appId, Id = 0, Version = 0, Kind = ScheduleKinds.Workflow };
        return (adHoc, new OrchestrationDefinition { Activities = activities, ResourceId = request.ResourceId });
    }

    /// <summary>Flat AiRecognitionTask / AiAnalysisTask / SmartEraseTask (<see cref="FlatAiTasks"/>).</summary>
    private async Task<(ScheduleRow Schedule, OrchestrationDefinition Definition)> FlatAiAsync(
        long appId, ProcessMediaRequest request, string member, System.Text.Json.JsonElement flat, CancellationToken cancellationToken)
    {
        var activities = FlatAiTasks.Activities(request, member, flat);
        OrchestrationRules.ValidateActivities(activities);
        await validation.ValidateActivitiesAsync(appId, activities, cancellationToken);
        var adHoc = new ScheduleRow { AppId = appId, Id = 0, Version = 0, Kind = ScheduleKinds.Workflow };
        return (adHoc, new OrchestrationDefinition { Activities = activities, ResourceId = request.ResourceId });
    }
}
