using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Engine.Triggers;

/// <summary>Does an object of an external bucket start an AwsS3FileUpload trigger? (DESIGN §7.7)</summary>
public static class ExternalTriggerMatch
{
    /// <summary>
    /// Same Dir and Formats rules as a COS trigger, except that absent Formats mean every format (spec §7), and only
    /// objects last modified at or after the enable time count. S3 keeps LastModified to the second, so the enable
    /// time is compared truncated to its second: an upload in that second is taken rather than missed.
    /// </summary>
    public static bool Matches(AwsS3FileUploadTrigger trigger, string region, string bucket, string key, DateTimeOffset lastModified, DateTimeOffset enabledAt)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var asCos = new CosFileUploadTrigger
        {
            Bucket = trigger.S3Bucket,
            Region = trigger.S3Region,
            Dir = trigger.Dir,
            Formats = trigger.Formats is { Count: > 0 } formats ? formats : ["*"],
        };
        return TriggerMatcher.Matches(asCos, bucket, region, key) && lastModified >= EnableSecond(enabledAt);
    }

    public static DateTimeOffset EnableSecond(DateTimeOffset enabledAt) =>
        new(enabledAt.UtcTicks - (enabledAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
