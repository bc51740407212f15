using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Templates;

/// <summary>The Name (≤ 64) and Comment (≤ 256) limits every template family shares (reference/mps-api.md §13.0).</summary>
public static class TemplateTextRules
{
    public const int MaxNameLength = 64;
    public const int MaxCommentLength = 256;

    public static void ValidateNameAndComment(string name, string comment)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(comment);
        if (name.Length > MaxNameLength)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), $"Name is longer than {MaxNameLength} characters.");
        }

        if (comment.Length > MaxCommentLength)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Comment"), $"Comment is longer than {MaxCommentLength} characters.");
        }
    }
}
