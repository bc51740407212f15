namespace Mediaflow.Persistence.Notifications;

/// <summary>
/// An endpoint that answered 410 Gone: disabled for (orchestration, URL), or (account, URL) with ScheduleId 0 for
/// ad-hoc tasks, until the orchestration's version moves past <see cref="ScheduleVersion"/>.
/// </summary>
public sealed class DisabledTargetRow
{
    public long Id { get; set; }
    public long AppId { get; set; }
    public long ScheduleId { get; set; }
    public int ScheduleVersion { get; set; }
    public string Target { get; set; } = "";
    public string EventId { get; set; } = "";
    public DateTimeOffset DisabledAt { get; set; }
}
