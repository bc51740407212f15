using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// DESIGN §7.6: a 410 Gone disables (orchestration, URL), or (account, URL) for ad-hoc tasks, until the orchestration
/// is modified (its version moves past the one recorded) or someone asks for a redelivery to it.
/// </summary>
public static class DisabledEndpoints
{
    /// <summary>The 410 that disabled this row's endpoint, or null when the endpoint is enabled.</summary>
    public static async Task<DisabledTargetRow?> FindAsync(MediaflowDbContext db, NotificationRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        var disabled = await db.DisabledTargets.SingleOrDefaultAsync(
            d => d.AppId == row.AppId && d.ScheduleId == row.ScheduleId && d.Target == row.Target, cancellationToken);
        if (disabled is null || row.ScheduleId == 0)
        {
            return disabled;
        }

        var version = await db.Schedules.Where(s => s.Id == row.ScheduleId).Select(s => (int?)s.Version).SingleOrDefaultAsync(cancellationToken);
        if (version is { } current && current > disabled.ScheduleVersion)
        {
            db.DisabledTargets.Remove(disabled); // modified since: enabled again
            return null;
        }

        return disabled;
    }

    public static async Task DisableAsync(MediaflowDbContext db, NotificationRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        var version = row.ScheduleId == 0 ? 0
            : await db.Schedules.Where(s => s.Id == row.ScheduleId).Select(s => s.Version).SingleOrDefaultAsync(cancellationToken);
        var existing = await db.DisabledTargets.SingleOrDefaultAsync(
            d => d.AppId == row.AppId && d.ScheduleId == row.ScheduleId && d.Target == row.Target, cancellationToken);
        if (existing is null)
        {
            db.DisabledTargets.Add(new DisabledTargetRow
            {
                AppId = row.AppId, ScheduleId = row.ScheduleId, ScheduleVersion = version, Target = row.Target, EventId = row.EventId, DisabledAt = now,
            });
        }
        else
        {
            (existing.ScheduleVersion, existing.EventId, existing.DisabledAt) = (version, row.EventId, now);
        }
    }

    /// <summary>Re-enables the endpoint of this row (an explicit redelivery asks for it).</summary>
    public static async Task EnableAsync(MediaflowDbContext db, NotificationRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        await db.DisabledTargets.Where(d => d.AppId == row.AppId && d.ScheduleId == row.ScheduleId && d.Target == row.Target)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public static string Describe(DisabledTargetRow disabled, long scheduleId) =>
        $"endpoint disabled: it answered 410 Gone to event {disabled.EventId}; " +
        (scheduleId == 0 ? "re-enable it with MfRedeliverNotification" : "modify the orchestration or redeliver to re-enable it");
}
