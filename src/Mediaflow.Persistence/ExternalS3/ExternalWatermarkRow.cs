namespace Mediaflow.Persistence.ExternalS3;

/// <summary>
/// How far the list reconciliation of one external trigger has looked: objects last modified before
/// <see cref="Watermark"/> (minus a margin) were all handled. Reset when the schedule is enabled again.
/// </summary>
public sealed class ExternalWatermarkRow
{
    public long ScheduleId { get; set; }

    /// <summary>The enable this watermark belongs to; another value means the schedule was re-enabled since.</summary>
    public DateTimeOffset EnabledAt { get; set; }

    public DateTimeOffset Watermark { get; set; }
}
