using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Field rules of the screenshot-family nodes (reference/mps-api.md §10); errors start with <c>Activities[i]: </c>.</summary>
public static class ImageNodeRules
{
    public const int MaxTimeOffsets = 100;

    public static void Validate(int index, INodeTaskInput input, string member)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Definition is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: {member}.Definition is required");
        }

        // Members this build does not implement (ExtInfo, a sprite's or GIF's WatermarkSet …) are refused by name (DESIGN §7.5).
        var field = input.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (field is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: {member}.{field} is not supported by this server yet");
        }

        OrchestrationRules.ValidateOutputStorage(input.OutputStorage, $"Activities[{index}].{member}.OutputStorage");
        if (input.OutputObjectPath is { Length: > 0 } path && !path.EndsWith(".{format}", StringComparison.Ordinal) && !Path.HasExtension(path))
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, $"Activities[{index}]: {member}.OutputObjectPath must end in .{{format}} or an extension");
        }

        switch (input)
        {
            case SnapshotByTimeOffsetTaskInput snapshot:
                ValidateOffsets(index, snapshot);
                WatermarkTaskRules.ValidateWatermarks(index, member, snapshot.WatermarkSet, screenshot: true);
                break;
            case SampleSnapshotTaskInput sample:
                WatermarkTaskRules.ValidateWatermarks(index, member, sample.WatermarkSet, screenshot: true);
                break;
            case ImageSpriteTaskInput { WebVttObjectName: { Length: > 0 } vtt } when !vtt.EndsWith(".{format}", StringComparison.Ordinal) && !Path.HasExtension(vtt):
                throw new ApiException(ApiErrorCodes.InvalidValue("WebVttObjectName"), $"Activities[{index}]: WebVttObjectName must end in .{{format}} or an extension");
            case AnimatedGraphicTaskInput animated:
                ValidateClip(index, animated);
                break;
            case AdaptiveDynamicStreamingTaskInput adaptive:
                AdaptiveNodeRules.Validate(index, adaptive);
                break;
        }
    }

    private static void ValidateOffsets(int index, SnapshotByTimeOffsetTaskInput snapshot)
    {
        IReadOnlyList<TimeOffset> offsets;
        try
        {
            offsets = snapshot.Offsets();
        }
        catch (ApiException exception)
        {
            throw new ApiException(exception.Code, $"Activities[{index}]: {exception.Message}");
        }

        if (offsets.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: SnapshotByTimeOffsetTask needs ExtTimeOffsetSet (or TimeOffsetSet)");
        }

        if (offsets.Count > MaxTimeOffsets)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("ExtTimeOffsetSet"), $"Activities[{index}]: at most {MaxTimeOffsets} time offsets");
        }
    }

    private static void ValidateClip(int index, AnimatedGraphicTaskInput animated)
    {
        if (animated.StartTimeOffset is null || animated.EndTimeOffset is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: AnimatedGraphicTask.StartTimeOffset and EndTimeOffset are required");
        }

        if (animated.StartTimeOffset < 0 || !double.IsFinite(animated.StartTimeOffset.Value))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("StartTimeOffset"), $"Activities[{index}]: StartTimeOffset must be a non-negative number of seconds");
        }

        if (!(animated.EndTimeOffset > animated.StartTimeOffset) || !double.IsFinite(animated.EndTimeOffset.Value))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("EndTimeOffset"), $"Activities[{index}]: EndTimeOffset must be after StartTimeOffset");
        }
    }
}
