using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Ai;

/// <summary>Field rules of an <c>action-SmartErase</c> node; errors start with <c>Activities[i]: </c>.</summary>
public static class SmartEraseNodeRules
{
    public static void Validate(int index, SmartEraseTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ImageNodeRules.Validate(index, input, "SmartEraseTask");
        if (input.Definition == 0)
        {
            var raw = input.RawParameter ?? throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: SmartEraseTask.RawParameter is required when Definition is 0");
            var field = raw.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
            if (field is not null)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue(field), $"Activities[{index}]: SmartEraseTask.RawParameter.{field} is not supported by this server yet");
            }

            try
            {
                SmartEraseRules.Validate(raw.EraseType, raw.EraseWatermarkConfig, raw.EraseSubtitleConfig, raw.ErasePrivacyConfig);
            }
            catch (ApiException exception)
            {
                throw new ApiException(exception.Code, $"Activities[{index}]: {exception.Message}");
            }
        }
    }
}
