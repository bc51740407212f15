using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// The one way task state changes: load the task fresh, apply a change, bump its revision and commit the change
/// together with the messages and notifications it causes (Wolverine's EF Core outbox: one transaction). Two changes
/// racing on one task (two sibling nodes finishing at once) conflict on the revision; the loser reloads and reapplies,
/// so the end of a task is never missed.
/// </summary>
public sealed class TaskStateWriter(IServiceScopeFactory scopes)
{
    private const int MaxConflictRetries = 20;

    /// <summary>The task's TasksPriority, or null when the task does not exist.</summary>
    public async Task<int?> ReadPriorityAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
        return await db.Tasks.AsNoTracking().Where(t => t.TaskId == taskId).Select(t => (int?)t.Priority).SingleOrDefaultAsync(cancellationToken);
    }

    /// <param name="change">Returns false when there is nothing to do (the change was already applied: idempotent redelivery).</param>
    /// <returns>Whether the change was committed.</returns>
    public async Task<bool> UpdateAsync(string taskId, Func<TaskState, IMessageBus, Task<bool>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<MediaflowDbContext>>();
            var state = await TaskState.LoadAsync(outbox.DbContext, taskId, cancellationToken);
            if (state is null || !await change(state, outbox))
            {
                return false;
            }

            state.Task.Revision++;
            try
            {
                await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConflictRetries)
            {
                // Another change to this task committed first: start over from the committed state.
            }
        }
    }
}
