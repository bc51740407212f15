using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Nodes;
using Mediaflow.Engine.Notifications;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// WAITING → PROCESSING: probe the input (by blob id, so an overwrite of the key changes nothing) and dispatch the
/// first nodes; or, when the source cannot be read, FINISH with ErrCode ≠ 0 and every node FAILed.
/// At-least-once: a redelivered StartTask finds the task past WAITING and does nothing.
/// </summary>
public sealed class StartTaskHandler(
    IServiceScopeFactory scopes,
    TaskStateWriter writer,
    TaskProgression progression,
    NotificationOutbox notifications,
    InputFiles inputs,
    ISourceProbe probe,
    TimeProvider time)
{
    public async Task Handle(StartTask message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string blobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == message.TaskId, cancellationToken);
            if (task is null || task.Status != TaskFlowStatus.Waiting)
            {
                return;
            }

            blobId = task.InputBlobId;
        }

        var input = await inputs.ResolveAsync(blobId, cancellationToken);
        var result = input.Path is not { } path
            ? SourceProbeResult.Failure(TaskErrorCodes.DownloadNotAccessible, input.Problem)
            : HlsPlaylistInput.IsPlaylist(path)
                ? SourceProbeResult.Success(EngineJson.Serialize(HlsPlaylistInput.Placeholder(path).ToMetaData()))
                : await probe.ProbeAsync(path, new FileInfo(path).Length, cancellationToken);

        await writer.UpdateAsync(message.TaskId, async (state, bus) =>
        {
            if (state.Task.Status != TaskFlowStatus.Waiting)
            {
                return false;
            }

            state.Task.BeginProcessTime = time.GetUtcNow();
            if (!result.Ok)
            {
                state.Task.ErrCode = TaskErrorCodes.NumericCode(result.ErrCodeExt);
                state.Task.Message = result.Message;
                state.Task.Status = TaskFlowStatus.Processing;
                await progression.FailAllAsync(state, TaskErrorCodes.ContentMalformed, $"source file error: {result.Message}", bus);
                return true;
            }

            state.Task.MetaDataJson = result.MetaDataJson;
            state.Task.Status = TaskFlowStatus.Processing;
            await notifications.EnqueueAsync(state, NotificationKind.TaskStarted, bus);
            await progression.AdvanceAsync(state, state.InputIndex, bus);
            return true;
        }, cancellationToken);
    }
}
