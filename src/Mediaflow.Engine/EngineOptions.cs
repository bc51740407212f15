namespace Mediaflow.Engine;

/// <summary>Engine settings (configuration section <c>Engine</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>Where attempt-scoped work files live; cleaned after each attempt.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "mediaflow-work");

    /// <summary>How many nodes run at once in this process (default: one per core).</summary>
    public int NodeConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Sibling fusion (DESIGN §7.8): siblings that become runnable together on the same input run as one ffmpeg process
    /// (one decode, a split graph), still reported per node. Off = every node runs its own process.
    /// </summary>
    public bool SiblingFusion { get; set; } = true;

    /// <summary>Failed attempts (retryable failures) after which a node FAILs.</summary>
    public int MaxNodeAttempts { get; set; } = 3;

    /// <summary>Delay before a retryable node failure is retried (doubled per failed attempt).</summary>
    public TimeSpan NodeRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// At shutdown, how long running nodes may go on to finish; nodes still running then are interrupted and run again,
    /// as a new attempt that spends no retry, by the next process on the same database (DESIGN §7.1).
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a graceful stop may take in all: the grace, then time for interrupted nodes to stop FFmpeg (the media
    /// layer's bounded stop) and commit their requeue. Hosts set their shutdown timeout to this.
    /// </summary>
    public TimeSpan ShutdownDeadline => ShutdownGrace + TimeSpan.FromSeconds(15);

    /// <summary>A task is not started for an object whose lineage is deeper than this (cross-orchestration loops).</summary>
    public int MaxLineageDepth { get; set; } = 8;

    /// <summary>
    /// An HLS playlist task source inspected for its segments: at most this many referenced objects (media playlists,
    /// segments, init sections) are staged, and at most <see cref="HlsStageMaxBytes"/> bytes in all; beyond, the node fails.
    /// </summary>
    public int HlsStageMaxObjects { get; set; } = 2000;

    public long HlsStageMaxBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Time allowed for one notification delivery attempt.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Notification retries: first delay, doubled per attempt with jitter, until <see cref="NotificationGiveUpAfter"/>.</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan NotificationMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a failing event is retried (from its creation or from a redelivery request); default 24 h.</summary>
    public TimeSpan NotificationGiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Where notifications may go: configuration section <c>Notifications</c> (not <c>Engine</c>), see ServerSettings.</summary>
    public Notifications.NotificationOptions Notifications { get; } = new();
}
