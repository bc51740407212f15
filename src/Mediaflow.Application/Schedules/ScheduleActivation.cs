using Mediaflow.Engine.Triggers;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Schedules;

/// <summary>
/// Turning a schedules row (orchestration or legacy workflow) on and off. One place for the rule that only uploads
/// committed after enabling start tasks: the row remembers the newest event sequence at that moment.
/// </summary>
internal static class ScheduleActivation
{
    public static async Task EnableAsync(MediaflowDbContext db, ScheduleRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.Status = ScheduleStatus.Enabled;
        row.EnabledAfterSequence = await db.ObjectEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        row.UpdateTime = now;
    }

    public static void Disable(ScheduleRow row, DateTimeOffset now)
    {
        row.Status = ScheduleStatus.Disabled;
        row.UpdateTime = now;
    }
}
