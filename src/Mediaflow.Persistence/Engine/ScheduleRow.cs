namespace Mediaflow.Persistence.Engine;

/// <summary>An orchestration ("schedule"). The definition is kept as the wire JSON; trigger columns are copied out for matching.</summary>
public sealed class ScheduleRow
{
    public long Id { get; set; }
    public long AppId { get; set; }
    public string Name { get; set; } = "";
    public string Status { get; set; } = "Disabled";

    /// <summary><see cref="ScheduleKinds.Schedule"/> (DAG, DescribeSchedules) or <see cref="ScheduleKinds.Workflow"/> (legacy fixed shape, DescribeWorkflows).</summary>
    public string Kind { get; set; } = ScheduleKinds.Schedule;

    /// <summary>Incremented by every modification; tasks remember the version they ran.</summary>
    public int Version { get; set; } = 1;

    public string DefinitionJson { get; set; } = "{}";
    public string TriggerBucket { get; set; } = "";
    public string TriggerRegion { get; set; } = "";

    /// <summary>Only uploads whose event sequence is above this start tasks: set when the schedule is enabled.</summary>
    public long EnabledAfterSequence { get; set; }

    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
}
