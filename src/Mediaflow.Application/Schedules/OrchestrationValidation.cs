using Mediaflow.Application.Buckets;
using Mediaflow.Application.ExternalS3;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.QualityControl;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Storage.External;

namespace Mediaflow.Application.Schedules;

/// <summary>
/// Everything checked before an orchestration is stored (or run ad hoc): the pure field and DAG rules, then what needs
/// the account's state — templates exist, inline RawParameters are valid, trigger and output buckets exist and belong
/// to the caller, and the trigger's region is its bucket's.
/// </summary>
public sealed class OrchestrationValidation(
    MediaflowDbContext db, IBucketLookup buckets, NotifyCapabilities notify, ExternalS3Options external, QualityControlCatalog qualityControl)
{
    /// <summary>TaskNotifyConfig against what this server's configuration can deliver (DESIGN §7.6).</summary>
    public void ValidateNotify(TaskNotifyConfig? config) => OrchestrationRules.ValidateNotify(config, notify);

    /// <summary>The largest <c>MfCanvasLayout</c> accepted (the console writes positions only).</summary>
    public const int MaxCanvasLayoutLength = 256 * 1024;

    public async Task ValidateAsync(long appId, OrchestrationDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        OrchestrationRules.Validate(definition, notify);
        if (definition.MfCanvasLayout is { Length: > MaxCanvasLayoutLength })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("MfCanvasLayout"), $"MfCanvasLayout is limited to {MaxCanvasLayoutLength} characters");
        }

        await ValidateActivitiesAsync(appId, definition.Activities!, cancellationToken);

        if (definition.Trigger!.Type == WorkflowTrigger.AwsS3FileUpload)
        {
            ExternalS3Validation.Validate(definition, external);
            await ValidateOutputAsync(appId, definition.OutputStorage, "OutputStorage", cancellationToken);
            return;
        }

        var trigger = definition.Trigger!.CosFileUploadTrigger!;
        var region = await buckets.FindRegionAsync(appId, trigger.Bucket!, cancellationToken);
        if (region is null)
        {
            throw new ApiException(ApiErrorCodes.CosBucketNotExist, $"trigger bucket '{trigger.Bucket}' does not exist");
        }

        if (region != trigger.Region)
        {
            throw new ApiException(ApiErrorCodes.CosBucketNotExist, $"trigger bucket '{trigger.Bucket}' is in region '{region}', not '{trigger.Region}'");
        }

        await ValidateOutputAsync(appId, definition.OutputStorage, "OutputStorage", cancellationToken);
        ExternalS3Validation.ValidateOutputEndpoint(definition.OutputStorage, external);
        foreach (var (activity, index) in definition.Activities!.Select((a, i) => (a, i)))
        {
            await ValidateOutputAsync(appId, activity.ActivityPara?.NodeOutputStorage, $"Activities[{index}].{(activity.ActivityPara?.SetMembers() is [var member, ..] ? member : "")}.OutputStorage", cancellationToken);
        }
    }

    /// <summary>Template existence and inline template rules, shared with ProcessMedia's ad-hoc activities.</summary>
    public async Task ValidateActivitiesAsync(long appId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var templates = await TemplateResolver.ResolveAsync(db, appId, activities, cancellationToken);
        for (var i = 0; i < activities.Count; i++)
        {
            // Quality-control presets depend on the registered inspectors (docs/quality-control.md): one with nothing detectable is absent.
            if (activities[i].ActivityPara?.QualityControlTask is { Definition: { } preset } && preset < Domain.Templates.TemplateType.FirstCustomDefinition
                && qualityControl.Family.FindPreset(preset) is null)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"Activities[{i}]: QualityControl template {preset} does not exist");
            }

            if (activities[i].ActivityPara?.TranscodeTask is { Definition: { } stored and not 0, OverrideParameter: { } overrides })
            {
                TranscodeOverrides.ApplyAndValidate(i, templates.Transcode[stored], overrides);
            }

            if (activities[i].ActivityPara?.TranscodeTask is { Definition: 0, RawParameter: { } raw })
            {
                try
                {
                    Domain.Templates.TranscodeTemplateRules.Validate(raw);
                }
                catch (ApiException exception)
                {
                    throw new ApiException(exception.Code, $"Activities[{i}]: RawParameter: {exception.Message}");
                }
            }
        }
    }

    public async Task ValidateOutputAsync(long appId, TaskOutputStorage? storage, string field, CancellationToken cancellationToken)
    {
        if (storage?.CosOutputStorage is not { Bucket: { Length: > 0 } bucket } cos)
        {
            return;
        }

        var region = await buckets.FindRegionAsync(appId, bucket, cancellationToken);
        if (region is null || (!string.IsNullOrEmpty(cos.Region) && cos.Region != region))
        {
            throw new ApiException(ApiErrorCodes.CosBucketNotExist, $"{field}: bucket '{bucket}' does not exist in region '{cos.Region ?? region}'");
        }
    }
}
