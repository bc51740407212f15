using System.Diagnostics.CodeAnalysis;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Actions;

/// <summary>Presence checks for required request fields (the typings' "req"), answered as <c>MissingParameter</c>.</summary>
public static class MpsRequire
{
    /// <param name="field">The wire name, dotted for nested fields (e.g. <c>Trigger.Type</c>).</param>
    public static void Present<T>([NotNull] T? value, string field)
    {
        if (value is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"{field} is required");
        }
    }
}
