using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Ai;

/// <summary>Field rules of an <c>action-AIAnalysis</c> node (reference/mps-api.md §10); errors start with <c>Activities[i]: </c>.</summary>
public static class AiAnalysisNodeRules
{
    public const int MaxExtendedParameterLength = 10_000;

    public static void Validate(int index, AiAnalysisTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ImageNodeRules.Validate(index, input, "AiAnalysisTask");
        if (string.IsNullOrEmpty(input.ExtendedParameter))
        {
            return;
        }

        // The spec passes the analysis engine free JSON; this build reads none of it, but keeps it well-formed and small.
        var ok = input.ExtendedParameter.Length <= MaxExtendedParameterLength;
        try
        {
            using var document = JsonDocument.Parse(input.ExtendedParameter);
            ok &= document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            ok = false;
        }

        if (!ok)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("ExtendedParameter"),
                $"Activities[{index}]: AiAnalysisTask.ExtendedParameter must be a JSON object of at most {MaxExtendedParameterLength} characters");
        }
    }
}
