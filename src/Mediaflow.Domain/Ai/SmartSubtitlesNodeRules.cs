using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Ai;

/// <summary>Field rules of an <c>action-SmartSubtitles</c> node; errors start with <c>Activities[i]: </c>.</summary>
public static class SmartSubtitlesNodeRules
{
    public static void Validate(int index, SmartSubtitlesTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ImageNodeRules.Validate(index, input, "SmartSubtitlesTask");
        if (input.Definition != 0)
        {
            return;
        }

        var raw = input.RawParameter ?? throw new ApiException(ApiErrorCodes.MissingParameter, $"Activities[{index}]: SmartSubtitlesTask.RawParameter is required when Definition is 0");
        try
        {
            SmartSubtitleRules.Validate(raw, SmartSubtitleRules.AnyAsrLanguage);
        }
        catch (ApiException exception)
        {
            throw new ApiException(exception.Code, $"Activities[{index}]: SmartSubtitlesTask.RawParameter: {exception.Message}");
        }
    }
}
