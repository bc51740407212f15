using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Application.ExternalS3;

/// <summary><c>S3SecretKey</c> is write-only (DESIGN §7.7): masked in every answer, and a masked value sent back means "unchanged".</summary>
public static class ExternalSecrets
{
    public const string Mask = "***";

    /// <summary>Replaces every <c>S3SecretKey</c> in a SchedulesInfo (trigger, output storage) by <see cref="Mask"/>.</summary>
    public static void MaskIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(kv => kv.Key).ToList())
                {
                    if (name == "S3SecretKey" && obj[name] is not null)
                    {
                        obj[name] = Mask;
                    }
                    else
                    {
                        MaskIn(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaskIn(item);
                }

                break;
        }
    }

    /// <summary>A ModifySchedule that echoes <c>"***"</c> keeps the stored key when the SecretId is the same.</summary>
    public static OrchestrationDefinition CarryOver(OrchestrationDefinition current, OrchestrationDefinition merged)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(merged);
        if (merged.Trigger?.AwsS3FileUploadTrigger is { S3SecretKey: Mask } trigger
            && current.Trigger?.AwsS3FileUploadTrigger is { } old && old.S3SecretId == trigger.S3SecretId)
        {
            merged = merged with { Trigger = merged.Trigger with { AwsS3FileUploadTrigger = trigger with { S3SecretKey = old.S3SecretKey } } };
        }

        if (merged.OutputStorage?.S3OutputStorage is { S3SecretKey: Mask } output
            && current.OutputStorage?.S3OutputStorage is { } oldOutput && oldOutput.S3SecretId == output.S3SecretId)
        {
            merged = merged with { OutputStorage = merged.OutputStorage with { S3OutputStorage = output with { S3SecretKey = oldOutput.S3SecretKey } } };
        }

        return merged;
    }
}
