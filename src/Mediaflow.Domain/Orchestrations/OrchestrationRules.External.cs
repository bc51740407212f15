using System.Text.Json;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>The external S3 trigger and output rules (DESIGN §7.7); the endpoint check needs configuration and lives in Application.</summary>
public static partial class OrchestrationRules
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex S3RegionPattern();

    /// <summary>S3's bucket naming rules (3-63 lowercase letters, digits, '.', '-'); AWS's legacy uppercase names are not accepted.</summary>
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\z")]
    private static partial Regex S3BucketPattern();

    private static void ValidateAwsS3Trigger(AwsS3FileUploadTrigger? trigger)
    {
        const string field = "Trigger.AwsS3FileUploadTrigger";
        if (trigger is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"{field} is required for Type AwsS3FileUpload");
        }

        ValidateS3Location(trigger.S3Bucket, trigger.S3Region, trigger.S3SecretId, trigger.S3SecretKey, field);
        ValidateDir(trigger.Dir, $"{field}.Dir");
        ValidateFormats(trigger.Formats);
        if (trigger.AwsSQS is { ValueKind: not JsonValueKind.Null })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("AwsSQS"),
                $"{field}.AwsSQS is not supported: point the bucket's event notifications at POST /mf/s3-events/<S3Region> instead");
        }
    }

    private static void ValidateS3Output(S3OutputStorage? output, string field)
    {
        if (output is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"{field}.S3OutputStorage is required for Type AWS-S3");
        }

        ValidateS3Location(output.S3Bucket, output.S3Region, output.S3SecretId, output.S3SecretKey, $"{field}.S3OutputStorage");
    }

    private static void ValidateS3Location(string? bucket, string? region, string? secretId, string? secretKey, string field)
    {
        Require(bucket, $"{field}.S3Bucket");
        Require(region, $"{field}.S3Region");
        Require(secretId, $"{field}.S3SecretId");
        Require(secretKey, $"{field}.S3SecretKey");
        if (secretKey == "***")
        {
            // DescribeSchedules masks keys as "***"; ModifySchedule carries the stored key over only for the same SecretId.
            throw new ApiException(ApiErrorCodes.InvalidValue("S3SecretKey"), $"{field}.S3SecretKey '***' is the masked value; send the key itself");
        }

        if (!S3BucketPattern().IsMatch(bucket!))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("S3Bucket"), $"{field}.S3Bucket '{bucket}' is not a valid S3 bucket name");
        }

        if (!S3RegionPattern().IsMatch(region!))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("S3Region"), $"{field}.S3Region '{region}' is not a region name");
        }
    }

    /// <summary>
    /// External outputs are uploaded, not kept in the local store, so a transcode cannot read another node's external
    /// output: with an AWS-S3 OutputStorage every transcode node reads the source, and every node writes to that bucket.
    /// </summary>
    private static void ValidateExternalOutputLineage(OrchestrationDefinition definition)
    {
        if (definition.OutputStorage?.Type != TaskOutputStorage.AwsS3 || definition.Activities is not { } activities)
        {
            return;
        }

        var graph = DagGraph.From(activities);
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].ActivityPara?.TranscodeTask?.OutputStorage is not null)
            {
                throw new ApiException(ApiErrorCodes.UnsupportedOperation,
                    $"Activities[{i}]: a node-level OutputStorage cannot be combined with an AWS-S3 OutputStorage of the orchestration yet");
            }

            if (activities[i].ActivityType == ActivityTypes.Transcode && activities[graph.Predecessors[i][0]].ActivityType != ActivityTypes.Input)
            {
                throw new ApiException(ApiErrorCodes.UnsupportedOperation,
                    $"Activities[{i}]: with an AWS-S3 OutputStorage a transcode node must follow the input node (chained transcodes into an external bucket are not supported yet)");
            }
        }
    }
}
