using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Ai;

/// <summary>Field rules of the media-AI nodes' inputs (reference/mps-api.md §10); errors start with <c>Activities[i]: </c>.</summary>
public static class AiNodeRules
{
    public static void ValidateRecognition(int index, AiRecognitionTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Definition is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: AiRecognitionTask.Definition is required");
        }

        var field = input.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (field is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: AiRecognitionTask.{field} is not supported by this server");
        }
    }
}
