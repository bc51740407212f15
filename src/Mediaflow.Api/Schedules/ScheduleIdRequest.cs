using Mediaflow.Api.Actions;

namespace Mediaflow.Api.Schedules;

/// <summary>The body of DeleteSchedule, EnableSchedule and DisableSchedule.</summary>
public sealed class ScheduleIdRequest : IMpsRequest
{
    public long? ScheduleId { get; init; }

    public void Validate() => MpsRequire.Present(ScheduleId, nameof(ScheduleId));
}
