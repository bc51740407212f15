using System.Text.Json;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Field rules of an orchestration apart from the DAG (which <see cref="DagValidator"/> checks).</summary>
public static partial class OrchestrationRules
{
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,128}\z")]
    private static partial Regex NamePattern(); // \z, not $: in .NET '$' also matches before a final '\n'.

    [GeneratedRegex(@"^[A-Za-z0-9]{1,64}\z")]
    private static partial Regex FormatPattern();

    [GeneratedRegex(@"^(?!amq\.)[A-Za-z0-9_.-]{1,128}\z")]
    private static partial Regex QueueNamePattern(); // "amq." names are reserved by the broker.

    /// <summary>Validates a complete definition (Create, or Modify after merging the changed fields).</summary>
    public static void Validate(OrchestrationDefinition definition, NotifyCapabilities? notify = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ValidateName(definition.ScheduleName);
        ValidateTrigger(definition.Trigger);
        ValidateActivities(definition.Activities);
        ValidateOutputStorage(definition.OutputStorage, "OutputStorage", allowExternal: true);
        ValidateExternalOutputLineage(definition);
        ValidateDir(definition.OutputDir, "OutputDir");
        ValidateNotify(definition.TaskNotifyConfig, notify ?? NotifyCapabilities.UrlOnly);
    }

    /// <summary>The DAG and each node's own fields (also used for ProcessMedia's inline Activities).</summary>
    public static void ValidateActivities(IReadOnlyList<Activity>? activities)
    {
        DagValidator.Validate(activities);
        foreach (var (activity, index) in activities!.Select((a, i) => (a, i)))
        {
            if (activity.ActivityPara?.TranscodeTask is { } transcode)
            {
                ValidateTranscodeNode(index, transcode);
            }

            if (activity.ActivityPara?.AiAnalysisTask is { } analysis)
            {
                Ai.AiAnalysisNodeRules.Validate(index, analysis);
            }

            if (activity.ActivityPara?.SmartEraseTask is { } erase)
            {
                Ai.SmartEraseNodeRules.Validate(index, erase);
            }

            if (activity.ActivityPara?.SmartSubtitlesTask is { } subtitles)
            {
                Ai.SmartSubtitlesNodeRules.Validate(index, subtitles);
            }

            foreach (var (input, member) in activity.ActivityPara?.ImageInputs().Select(i => (i, i.GetType().Name.Replace("Input", "", StringComparison.Ordinal))) ?? [])
            {
                ImageNodeRules.Validate(index, input, member);
            }

            if (activity.ActivityPara?.QualityControlTask is { } qualityControl)
            {
                QualityControlNodeRules.Validate(index, qualityControl);
            }

            if (activity.ActivityType == ActivityTypes.ExecRules)
            {
                Conditions.ExecRulesValidation.Validate(index, activities!, DagGraph.From(activities!));
            }

            if (activity.ActivityPara?.AiRecognitionTask is { } recognition)
            {
                Ai.AiNodeRules.ValidateRecognition(index, recognition);
            }

            if (activity.ActivityPara?.AiContentReviewTask is { } review)
            {
                Ai.AiContentReviewNodeRules.Validate(index, review);
            }
        }
    }

    public static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "ScheduleName is required");
        }

        if (!NamePattern().IsMatch(name))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), "ScheduleName must be 1-128 letters, digits, '_' or '-'");
        }
    }

    public static void ValidateTrigger(WorkflowTrigger? trigger)
    {
        if (trigger is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Trigger is required");
        }

        switch (trigger.Type)
        {
            case WorkflowTrigger.CosFileUpload:
                var cos = trigger.CosFileUploadTrigger
                    ?? throw new ApiException(ApiErrorCodes.MissingParameter, "Trigger.CosFileUploadTrigger is required for Type CosFileUpload");
                Require(cos.Bucket, "Trigger.CosFileUploadTrigger.Bucket");
                Require(cos.Region, "Trigger.CosFileUploadTrigger.Region");
                ValidateDir(cos.Dir, "Trigger.CosFileUploadTrigger.Dir");
                ValidateFormats(cos.Formats);
                break;
            case WorkflowTrigger.AwsS3FileUpload:
                ValidateAwsS3Trigger(trigger.AwsS3FileUploadTrigger);
                break;
            case null or "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "Trigger.Type is required");
            default:
                throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"Trigger.Type '{trigger.Type}' must be CosFileUpload or AwsS3FileUpload");
        }
    }

    /// <param name="allowExternal">
    /// AWS-S3 outputs are implemented at the orchestration level only; node-level and ProcessMedia outputs stay COS.
    /// </param>
    public static void ValidateOutputStorage(TaskOutputStorage? storage, string field, bool allowExternal = false)
    {
        if (storage is null)
        {
            return;
        }

        if (storage.Type == TaskOutputStorage.AwsS3 && allowExternal)
        {
            ValidateS3Output(storage.S3OutputStorage, field);
            return;
        }

        if (storage.Type != TaskOutputStorage.Cos)
        {
            throw new ApiException(storage.Type is TaskOutputStorage.AwsS3 or "VOD" ? ApiErrorCodes.UnsupportedOperation : ApiErrorCodes.InvalidParameterValue,
                $"{field}.Type '{storage.Type}' is not supported here; use COS");
        }
    }

    private static void ValidateFormats(IReadOnlyList<string>? formats)
    {
        foreach (var format in formats ?? [])
        {
            // A JSON null inside Formats reaches us as a null element despite the annotation.
            if (format is null || (format != "*" && !FormatPattern().IsMatch(format.TrimStart('.'))))
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("Format"), $"Trigger format '{format}' must be '*' or 1-64 letters and digits");
            }
        }
    }

    public static void ValidateDir(string? dir, string field)
    {
        if (dir is null || dir.Length == 0)
        {
            return;
        }

        if (!dir.StartsWith('/') || !dir.EndsWith('/'))
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"{field} must start and end with '/'");
        }
    }

    /// <summary>The notification config as a server that delivers URL callbacks only sees it.</summary>
    public static void ValidateNotify(TaskNotifyConfig? notify) => ValidateNotify(notify, NotifyCapabilities.UrlOnly);

    public static void ValidateNotify(TaskNotifyConfig? notify, NotifyCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (notify is null)
        {
            return;
        }

        var type = notify.EffectiveType;
        if (type.Length == 0)
        {
            return;
        }

        if (!TaskNotifyConfig.KnownTypes.Contains(type))
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"TaskNotifyConfig.NotifyType '{type}' must be one of {string.Join(", ", TaskNotifyConfig.KnownTypes)}");
        }

        if (notify.EffectiveMode is not (TaskNotifyConfig.ModeFinish or TaskNotifyConfig.ModeChange))
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "TaskNotifyConfig.NotifyMode must be Finish or Change");
        }

        switch (type)
        {
            case TaskNotifyConfig.TypeUrl:
                if (!Uri.TryCreate(notify.NotifyUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    throw new ApiException(ApiErrorCodes.InvalidParameterValue, "TaskNotifyConfig.NotifyUrl must be an absolute http(s) URL");
                }

                break;
            case TaskNotifyConfig.TypeScf:
                if (string.IsNullOrEmpty(notify.NotifyUrl))
                {
                    throw new ApiException(ApiErrorCodes.MissingParameter, "TaskNotifyConfig.NotifyUrl (the function name) is required for NotifyType SCF");
                }

                if (!capabilities.Functions.Contains(notify.NotifyUrl))
                {
                    throw new ApiException(ApiErrorCodes.UnsupportedOperation,
                        $"TaskNotifyConfig: function '{notify.NotifyUrl}' is not configured on this server (Notifications:Functions:<name>)");
                }

                break;
            case TaskNotifyConfig.TypeAwsSqs:
                throw new ApiException(ApiErrorCodes.UnsupportedOperation, "TaskNotifyConfig.NotifyType 'AWS-SQS' cannot be delivered: this server has no SQS endpoint");
            default:
                ValidateQueue(notify, type, capabilities);
                break;
        }
    }

    private static void ValidateQueue(TaskNotifyConfig notify, string type, NotifyCapabilities capabilities)
    {
        if (!capabilities.Amqp)
        {
            throw new ApiException(ApiErrorCodes.UnsupportedOperation,
                $"TaskNotifyConfig.NotifyType '{type}' cannot be delivered: no message broker is configured on this server (Notifications:Amqp:Uri)");
        }

        var (field, name) = notify.CmqModel switch
        {
            TaskNotifyConfig.CmqQueue => ("QueueName", notify.QueueName),
            TaskNotifyConfig.CmqTopic => ("TopicName", notify.TopicName),
            _ => throw new ApiException(ApiErrorCodes.InvalidValue("CmqModel"), "TaskNotifyConfig.CmqModel must be Queue or Topic"),
        };
        if (string.IsNullOrEmpty(name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"TaskNotifyConfig.{field} is required for CmqModel {notify.CmqModel}");
        }

        if (!QueueNamePattern().IsMatch(name))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"TaskNotifyConfig.{field} must be 1-128 letters, digits, '_', '-' or '.' and not start with 'amq.'");
        }
    }

    private static void ValidateTranscodeNode(int index, TranscodeTaskInput transcode)
    {
        if (transcode.Definition is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: TranscodeTask.Definition is required");
        }

        // A field sent as JSON null asks for nothing, as with ActivityPara members (ActivityPara.SetMembers).
        var field = transcode.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (field is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: TranscodeTask.{field} is not supported by this server yet");
        }

        if (transcode.Definition == 0 && transcode.RawParameter is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: TranscodeTask.RawParameter is required when Definition is 0");
        }

        if (transcode.Definition != 0 && transcode.RawParameter is not null)
        {
            // The stored template would be used and the inline one never read (nor validated).
            throw new ApiException(ApiErrorCodes.InvalidValue("RawParameter"), $"Activities[{index}]: TranscodeTask.RawParameter is used only when Definition is 0");
        }

        TranscodeOverrides.ValidateShape(index, transcode);
        HeadTailParameter.Validate(index, transcode.HeadTailParameter);

        if (transcode.SegmentObjectName is { } segment && segment.Contains('/', StringComparison.Ordinal))
        {
            // HLS segments are written next to the playlist under the rendered file name; a directory would be dropped.
            throw new ApiException(ApiErrorCodes.InvalidValue("SegmentObjectName"), $"Activities[{index}]: SegmentObjectName must be a file name without '/'; segments are written next to the playlist");
        }

        if (transcode.SegmentObjectName is { Length: > 0 } numbered && !numbered.Contains("{number}", StringComparison.Ordinal))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("SegmentObjectName"), $"Activities[{index}]: SegmentObjectName must contain {{number}} so every segment gets its own name");
        }

        WatermarkTaskRules.ValidateWatermarks(index, "TranscodeTask", transcode.WatermarkSet, screenshot: false);
        WatermarkTaskRules.ValidateMosaics(index, transcode.MosaicSet);
        ValidateOutputStorage(transcode.OutputStorage, $"Activities[{index}].TranscodeTask.OutputStorage");
        if (transcode.OutputObjectPath is { Length: > 0 } path && !path.EndsWith(".{format}", StringComparison.Ordinal) && !Path.HasExtension(path))
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"Activities[{index}]: OutputObjectPath must end in .{{format}} or an extension");
        }
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"{field} is required");
        }
    }
}
