using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Storage.External;

namespace Mediaflow.Application.ExternalS3;

/// <summary>
/// What the pure rules cannot check about an external trigger or output: that the server has an endpoint for its
/// region, that an external trigger says where outputs go, and that outputs cannot re-trigger the same orchestration.
/// </summary>
public static class ExternalS3Validation
{
    public static void Validate(OrchestrationDefinition definition, ExternalS3Options options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var trigger = definition.Trigger!.AwsS3FileUploadTrigger!;
        RequireEndpoint(trigger.S3Region!, "Trigger.AwsS3FileUploadTrigger.S3Region", options);
        switch (definition.OutputStorage)
        {
            case { Type: TaskOutputStorage.AwsS3, S3OutputStorage: { } s3 }:
                RequireEndpoint(s3.S3Region!, "OutputStorage.S3OutputStorage.S3Region", options);
                RefuseSelfTrigger(definition, trigger, s3);
                break;
            case { Type: TaskOutputStorage.Cos, CosOutputStorage: { Bucket.Length: > 0, Region.Length: > 0 } }:
                break;
            default:
                // Outputs inherit the input's bucket, which is not a bucket of this server for an external input.
                throw new ApiException(ApiErrorCodes.MissingParameter,
                    "OutputStorage (AWS-S3, or COS with Bucket and Region) is required when the trigger is AwsS3FileUpload");
        }
    }

    public static void ValidateOutputEndpoint(TaskOutputStorage? output, ExternalS3Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (output is { Type: TaskOutputStorage.AwsS3, S3OutputStorage.S3Region: { } region })
        {
            RequireEndpoint(region, "OutputStorage.S3OutputStorage.S3Region", options);
        }
    }

    private static void RequireEndpoint(string region, string field, ExternalS3Options options)
    {
        if (options.EndpointOf(region) is null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("S3Region"),
                $"{field}: no external S3 endpoint is configured for region '{region}' (server configuration ExternalS3:Endpoints:{region})");
        }
    }

    /// <summary>
    /// Outputs written under the trigger's Dir of the same bucket would start the orchestration again on its own
    /// outputs (external objects carry no lineage). The output directory must be set and outside the Dir.
    /// </summary>
    private static void RefuseSelfTrigger(OrchestrationDefinition definition, AwsS3FileUploadTrigger trigger, S3OutputStorage output)
    {
        if (output.S3Bucket != trigger.S3Bucket || output.S3Region != trigger.S3Region)
        {
            return;
        }

        var watched = string.IsNullOrEmpty(trigger.Dir) ? "/" : trigger.Dir;
        if (string.IsNullOrEmpty(definition.OutputDir) || definition.OutputDir.StartsWith(watched, StringComparison.Ordinal))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("OutputDir"),
                $"OutputDir must be set outside the trigger's Dir '{watched}' when outputs go to the trigger's bucket, or the outputs would trigger the orchestration again");
        }

        var absolute = definition.Activities?.Select((a, i) => (Path: a.ActivityPara?.TranscodeTask?.OutputObjectPath, Index: i))
            .FirstOrDefault(p => p.Path is { } path && path.StartsWith(watched, StringComparison.Ordinal));
        if (absolute is { Path: not null } inside)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue,
                $"Activities[{inside.Index}]: OutputObjectPath '{inside.Path}' lies under the trigger's Dir '{watched}' of the same bucket and would trigger the orchestration again");
        }
    }
}
