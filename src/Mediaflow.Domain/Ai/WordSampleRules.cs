using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Limits and usages of word samples (the SDK's documented ones): ≤ 100 words per request, keyword 1..20 characters,
/// ≤ 20 tags of ≤ 128 characters; usages <c>Recognition.Ocr</c>, <c>Recognition.Asr</c>, <c>Review.Ocr</c>,
/// <c>Review.Asr</c> and the shorthands <c>Recognition</c>, <c>Review</c>, <c>All</c> (docs/media-ai-review.md).
/// </summary>
public static class WordSampleRules
{
    public const int MaxWordsPerRequest = 100;
    public const int MaxKeywordLength = 20;
    public const int MaxTags = 20;
    public const int MaxTagLength = 128;
    public const string NotExist = "ResourceNotFound.Word";

    public const string RecognitionOcr = "Recognition.Ocr";
    public const string RecognitionAsr = "Recognition.Asr";
    public const string ReviewOcr = "Review.Ocr";
    public const string ReviewAsr = "Review.Asr";

    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["Recognition.Ocr"] = ["Recognition.Ocr"],
        ["Recognition.Asr"] = ["Recognition.Asr"],
        [ReviewOcr] = [ReviewOcr],
        [ReviewAsr] = [ReviewAsr],
        ["Recognition"] = ["Recognition.Ocr", "Recognition.Asr"],
        ["Review"] = [ReviewOcr, ReviewAsr],
        ["All"] = ["Recognition.Ocr", "Recognition.Asr", ReviewOcr, ReviewAsr],
    };

    public static void ValidateUsages(IReadOnlyList<string>? usages, bool required)
    {
        if (usages is null || usages.Count == 0)
        {
            if (required)
            {
                throw new ApiException(ApiErrorCodes.MissingParameter, "Usages is required");
            }

            return;
        }

        if (usages.FirstOrDefault(u => !Expansions.ContainsKey(u)) is { } bad)
        {
            throw Invalid("Usages", $"Usage '{bad}' is not one of Recognition.Ocr, Recognition.Asr, Review.Ocr, Review.Asr, Recognition, Review, All.");
        }
    }

    public static void ValidateKeyword(string? keyword)
    {
        if (string.IsNullOrWhiteSpace(keyword) || keyword.Length > MaxKeywordLength || keyword.Trim() != keyword)
        {
            throw Invalid("Keyword", $"Keyword must be 1..{MaxKeywordLength} characters without leading or trailing blanks.");
        }
    }

    public static void ValidateTags(IReadOnlyList<string>? tags)
    {
        if (tags is { Count: > MaxTags } || (tags?.Any(t => string.IsNullOrEmpty(t) || t.Length > MaxTagLength) ?? false))
        {
            throw Invalid("Tags", $"at most {MaxTags} tags of 1..{MaxTagLength} characters.");
        }
    }

    /// <summary>The four elementary usages the given ones (shorthands included) stand for.</summary>
    public static IReadOnlySet<string> Expand(IEnumerable<string> usages) =>
        usages.SelectMany(u => Expansions.TryGetValue(u, out var expanded) ? expanded : []).ToHashSet(StringComparer.Ordinal);

    /// <summary>A Describe filter (or) matches a word whose usages cover any of the filter's elementary usages.</summary>
    public static bool Matches(IEnumerable<string> wordUsages, IReadOnlyList<string> filter) => Expand(wordUsages).Overlaps(Expand(filter));

    private static ApiException Invalid(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
