using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Field rules of the inspection node (reference/mps-api.md §10 AiQualityControlTaskInput); errors start with <c>Activities[i]: </c>.</summary>
public static class QualityControlNodeRules
{
    public static void Validate(int index, AiQualityControlTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Definition is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: QualityControlTask.Definition is required");
        }

        if (input.ChannelExtPara is { Length: > 0 })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("ChannelExtPara"), $"Activities[{index}]: QualityControlTask.ChannelExtPara is not supported by this server");
        }

        var field = input.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (field is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: QualityControlTask.{field} is not supported by this server");
        }
    }
}
