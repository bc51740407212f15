using System.Text.Json;
using Mediaflow.Domain.Errors;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Api.FrontDoor;

/// <summary>The one place where failures of the MPS API become wire errors (STYLE: errors are mapped in exactly one place).</summary>
public static class MpsErrorMapper
{
    public const string InternalErrorMessage = "An internal error occurred. Retry later; if it persists, report the RequestId.";

    /// <summary>
    /// <see cref="ApiException"/> → its code and message (validation, auth, application services);
    /// <see cref="JsonException"/> from reading a request DTO → <c>InvalidParameter</c> naming the field;
    /// anything else → <c>InternalError</c> with a generic message, logged with the RequestId (details never reach the client).
    /// </summary>
    public static MpsError Map(Exception exception, ILogger logger, string? action, string requestId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(logger);
        switch (exception)
        {
            case ApiException { Code: ApiErrorCodes.InternalError } internalError:
                logger.LogError(internalError, "MPS action {Action} failed with InternalError, RequestId {RequestId}", action, requestId);
                return new MpsError(ApiErrorCodes.InternalError, InternalErrorMessage);
            case ApiException refused:
                return new MpsError(refused.Code, refused.Message);
            case JsonException json:
                return new MpsError(ApiErrorCodes.InvalidParameter, InvalidField(json.Path));
            default:
                logger.LogError(exception, "MPS action {Action} failed unexpectedly, RequestId {RequestId}", action, requestId);
                return new MpsError(ApiErrorCodes.InternalError, InternalErrorMessage);
        }
    }

    /// <summary><c>$.Trigger.Type</c> → "Parameter Trigger.Type has an invalid type or value."</summary>
    private static string InvalidField(string? path)
    {
        var field = path is null ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0
            ? "The request body does not match the parameters of this action."
            : $"Parameter {field} has an invalid type or value.";
    }
}
