namespace Mediaflow.Persistence.Engine;

/// <summary>The two kinds of stored orchestration: both run on the same engine and trigger machinery.</summary>
public static class ScheduleKinds
{
    /// <summary>A DAG orchestration (Create/Modify/DescribeSchedules).</summary>
    public const string Schedule = "Schedule";

    /// <summary>A legacy fixed-shape workflow (Create/Reset/DescribeWorkflows), stored translated to its DAG.</summary>
    public const string Workflow = "Workflow";
}
