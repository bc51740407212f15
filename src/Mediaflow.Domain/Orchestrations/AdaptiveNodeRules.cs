using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Field rules of the adaptive-streaming node (reference/mps-api.md §8, §10) beyond what every template-driven node
/// shares (<see cref="ImageNodeRules"/>): sub-stream and segment names stay in the manifest's directory (playlists name
/// them relatively) and carry the variables that keep them apart; WatermarkSet as the transcode node's; AddOnSubtitles items as
/// the transcode's OverrideParameter.AddOnSubtitles; DrmInfo is simpleaes with a well-formed key.
/// </summary>
public static class AdaptiveNodeRules
{
    public static void Validate(int index, AdaptiveDynamicStreamingTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckName(index, "SubStreamObjectName", input.SubStreamObjectName, ["{subStreamNumber}"]);
        CheckName(index, "SegmentObjectName", input.SegmentObjectName, ["{subStreamNumber}", "{segmentNumber}"]);
        if (input.DefinitionType is { Length: > 0 } type && type is not ("Common" or "PureAudio"))
        {
            throw Refuse(index, "DefinitionType", "DefinitionType must be Common or PureAudio");
        }

        WatermarkTaskRules.ValidateWatermarks(index, "AdaptiveDynamicStreamingTask", input.WatermarkSet, screenshot: false);
        TranscodeAddOns.ValidateSubtitles($"Activities[{index}]: AdaptiveDynamicStreamingTask.AddOnSubtitles", input.AddOnSubtitles);

        if (input.DrmInfo is not { } drm)
        {
            return;
        }

        if (drm.Type != "simpleaes")
        {
            throw Refuse(index, "DrmInfo", $"DrmInfo.Type '{drm.Type}' is not supported by this server (simpleaes is)");
        }

        var extra = drm.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (extra is not null)
        {
            throw Refuse(index, extra, $"DrmInfo.{extra} is not supported with simpleaes");
        }

        var aes = drm.SimpleAesDrm ?? throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: DrmInfo.SimpleAesDrm is required for simpleaes");
        if (string.IsNullOrEmpty(aes.Uri) || aes.Uri.Any(c => c is '"' or '\n' or '\r'))
        {
            throw Refuse(index, "Uri", "DrmInfo.SimpleAesDrm.Uri is required: one line without quotes");
        }

        if (!IsHex128(aes.Key))
        {
            throw Refuse(index, "Key", "DrmInfo.SimpleAesDrm.Key must be 32 hex digits");
        }

        if (aes.Vector is { Length: > 0 } && !IsHex128(aes.Vector))
        {
            throw Refuse(index, "Vector", "DrmInfo.SimpleAesDrm.Vector must be 32 hex digits");
        }
    }

    private static void CheckName(int index, string field, string? pattern, string[] required)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return;
        }

        if (pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains('\\', StringComparison.Ordinal) || pattern is "." or ".." || pattern.Contains('$', StringComparison.Ordinal))
        {
            throw Refuse(index, field, $"{field} is a file name in the manifest's directory: no '/', '\\' or '$'");
        }

        if (!pattern.EndsWith(".{format}", StringComparison.Ordinal) && !Path.HasExtension(pattern))
        {
            throw Refuse(index, field, $"{field} must end in .{{format}} or an extension");
        }

        var missing = required.FirstOrDefault(v => !pattern.Contains(v, StringComparison.Ordinal));
        if (missing is not null)
        {
            throw Refuse(index, field, $"{field} must contain {missing} so every file gets its own name");
        }
    }

    private static bool IsHex128(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigit);

    private static ApiException Refuse(int index, string field, string message) =>
        new(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: {message}");
}
