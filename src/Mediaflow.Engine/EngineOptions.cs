namespace Mediaflow.Engine;

/// <summary>Engine settings (configuration section <c>Engine</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>Where attempt-scoped work files live; cleaned after each attempt.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "mediaflow-work");

    /// <summary>How many nodes run at once in this process (default: one per core).</summary>
    public int NodeConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Failed attempts (retryable failures) after which a node FAILs.</summary>
    public int MaxNodeAttempts { get; set; } = 3;

    /// <summary>Delay before a retryable node failure is retried (doubled per failed attempt).</summary>
    public TimeSpan NodeRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A task is not started for an object whose lineage is deeper than this (cross-orchestration loops).</summary>
    public int MaxLineageDepth { get; set; } = 8;

    /// <summary>Time allowed for one notification delivery attempt.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Notification retries: first delay, doubled per attempt with jitter, until <see cref="NotificationGiveUpAfter"/>.</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan NotificationMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan NotificationGiveUpAfter { get; set; } = TimeSpan.FromHours(24);
}
