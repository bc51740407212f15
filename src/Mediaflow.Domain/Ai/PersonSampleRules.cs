using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Ai;

/// <summary>Limits of person samples (the SDK's documented ones): Name ≤ 20, Description ≤ 1024, ≤ 5 faces per request, ≤ 20 tags of ≤ 128.</summary>
public static class PersonSampleRules
{
    public const int MaxNameLength = 20;
    public const int MaxDescriptionLength = 1024;
    public const int MaxFacesPerRequest = 5;
    public const int MaxTags = 20;
    public const int MaxTagLength = 128;

    /// <summary>Usages we accept; <c>Review</c> is stored for content review, recognition uses <c>Recognition</c>/<c>All</c>.</summary>
    public static readonly IReadOnlySet<string> Usages = new HashSet<string>(StringComparer.Ordinal) { "Recognition", "Recognition.Face", "Review", "Review.Face", "All" };

    public static void ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw Invalid("Name", $"Name must be 1..{MaxNameLength} characters.");
        }
    }

    public static void ValidateDescription(string? description)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            throw Invalid("Description", $"Description is longer than {MaxDescriptionLength} characters.");
        }
    }

    public static void ValidateUsages(IReadOnlyList<string>? usages)
    {
        if (usages is null || usages.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Usages is required");
        }

        if (usages.FirstOrDefault(u => !Usages.Contains(u)) is { } bad)
        {
            throw Invalid("Usages", $"Usage '{bad}' is not one of Recognition, Review, All.");
        }
    }

    public static void ValidateFaces(IReadOnlyList<string>? faces, string field)
    {
        if (faces is { Count: > MaxFacesPerRequest })
        {
            throw Invalid(field, $"at most {MaxFacesPerRequest} face images per request.");
        }
    }

    public static void ValidateTags(IReadOnlyList<string>? tags)
    {
        if (tags is { Count: > MaxTags } || (tags?.Any(t => string.IsNullOrEmpty(t) || t.Length > MaxTagLength) ?? false))
        {
            throw Invalid("Tags", $"at most {MaxTags} tags of 1..{MaxTagLength} characters.");
        }
    }

    public static bool ForRecognition(IEnumerable<string> usages) => usages.Any(u => u is "Recognition" or "Recognition.Face" or "All");

    private static ApiException Invalid(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
