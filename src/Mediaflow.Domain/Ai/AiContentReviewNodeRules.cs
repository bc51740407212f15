using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Ai;

/// <summary>Field rules of the content-review node's input (reference/mps-api.md §10); errors start with <c>Activities[i]: </c>.</summary>
public static class AiContentReviewNodeRules
{
    public static void Validate(int index, AiContentReviewTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Definition is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: AiContentReviewTask.Definition is required");
        }

        var field = input.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (field is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: AiContentReviewTask.{field} is not supported by this server");
        }
    }
}
