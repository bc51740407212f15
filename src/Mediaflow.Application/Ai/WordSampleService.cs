using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Ai;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Ai;

/// <summary>
/// Create/Modify/Delete/DescribeWordSamples: the account's keyword library (docs/media-ai-review.md). A keyword is
/// unique per account: creating one that exists is refused (<c>InvalidParameterValue.Keyword</c>), modifying or
/// deleting one that does not is <c>ResourceNotFound.Word</c>. A batch is all-or-nothing.
/// </summary>
public sealed class WordSampleService(MediaflowDbContext db, TimeProvider time)
{
    public const int MaxPerAccount = 10000;

    public async Task CreateAsync(long appId, IReadOnlyList<string>? usages, IReadOnlyList<WordSampleInfo>? words, CancellationToken cancellationToken)
    {
        WordSampleRules.ValidateUsages(usages, required: true);
        if (words is null || words.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Words is required");
        }

        if (words.Count > WordSampleRules.MaxWordsPerRequest)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Words"), $"at most {WordSampleRules.MaxWordsPerRequest} words per request.");
        }

        foreach (var word in words)
        {
            WordSampleRules.ValidateKeyword(word.Keyword);
            WordSampleRules.ValidateTags(word.Tags);
        }

        var keywords = words.Select(w => w.Keyword!).ToList();
        if (keywords.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Keyword"), $"keyword '{repeated.Key}' is given twice");
        }

        var existing = await db.WordSamples.AsNoTracking().Where(w => w.AppId == appId && keywords.Contains(w.Keyword)).Select(w => w.Keyword).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Keyword"), $"keyword '{existing}' already exists");
        }

        if (await db.WordSamples.CountAsync(w => w.AppId == appId, cancellationToken) + words.Count > MaxPerAccount)
        {
            throw new ApiException(ApiErrorCodes.LimitExceeded, $"an account holds at most {MaxPerAccount} word samples");
        }

        var now = time.GetUtcNow();
        var usagesJson = JsonSerializer.Serialize(usages!.Distinct(StringComparer.Ordinal).ToList());
        db.WordSamples.AddRange(words.Select(w => new WordSampleRow
        {
            AppId = appId,
            Keyword = w.Keyword!,
            TagsJson = JsonSerializer.Serialize(w.Tags?.Distinct(StringComparer.Ordinal).ToList() ?? []),
            UsagesJson = usagesJson,
            CreateTime = now,
            UpdateTime = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ModifyAsync(long appId, string? keyword, IReadOnlyList<string>? usages, SampleOperation? tagOperation, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, keyword, cancellationToken);
        if (usages is not null)
        {
            WordSampleRules.ValidateUsages(usages, required: true);
            row.UsagesJson = JsonSerializer.Serialize(usages.Distinct(StringComparer.Ordinal).ToList());
        }

        if (tagOperation is not null)
        {
            var tags = tagOperation.ApplyToTags(Tags(row));
            WordSampleRules.ValidateTags(tags);
            row.TagsJson = JsonSerializer.Serialize(tags);
        }

        row.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(long appId, IReadOnlyList<string>? keywords, CancellationToken cancellationToken)
    {
        if (keywords is null || keywords.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Keywords is required");
        }

        if (keywords.Count > WordSampleRules.MaxWordsPerRequest)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Keywords"), $"at most {WordSampleRules.MaxWordsPerRequest} keywords per request.");
        }

        var distinct = keywords.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.WordSamples.Where(w => w.AppId == appId && distinct.Contains(w.Keyword)).ToListAsync(cancellationToken);
        if (distinct.FirstOrDefault(k => rows.All(r => r.Keyword != k)) is { } missing)
        {
            throw new ApiException(WordSampleRules.NotExist, $"word sample '{missing}' does not exist");
        }

        db.WordSamples.RemoveRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<object> DescribeAsync(long appId, IReadOnlyList<string>? keywords, IReadOnlyList<string>? usages, IReadOnlyList<string>? tags,
        long offset, long limit, CancellationToken cancellationToken)
    {
        WordSampleRules.ValidateUsages(usages, required: false);
        if (offset < 0 || limit is < 1 or > 100)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(offset < 0 ? "Offset" : "Limit"), "Offset must be ≥ 0 and Limit 1..100.");
        }

        if (keywords is { Count: > WordSampleRules.MaxWordsPerRequest })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Keywords"), $"at most {WordSampleRules.MaxWordsPerRequest} keywords per request.");
        }

        var rows = await db.WordSamples.AsNoTracking().Where(w => w.AppId == appId).ToListAsync(cancellationToken);
        var matching = rows
            .OrderBy(r => r.CreateTime).ThenBy(r => r.Keyword, StringComparer.Ordinal)
            .Where(r => keywords is not { Count: > 0 } || keywords.Contains(r.Keyword))
            .Where(r => usages is not { Count: > 0 } || WordSampleRules.Matches(Usages(r), usages))
            .Where(r => tags is not { Count: > 0 } || Tags(r).Any(tags.Contains))
            .ToList();
        return new { TotalCount = matching.Count, WordSet = matching.Skip((int)offset).Take((int)limit).Select(View).ToList() };
    }

    private async Task<WordSampleRow> FindAsync(long appId, string? keyword, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(keyword))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Keyword is required");
        }

        return await db.WordSamples.SingleOrDefaultAsync(w => w.AppId == appId && w.Keyword == keyword, cancellationToken)
            ?? throw new ApiException(WordSampleRules.NotExist, $"word sample '{keyword}' does not exist");
    }

    private static List<string> Tags(WordSampleRow row) => JsonSerializer.Deserialize<List<string>>(row.TagsJson) ?? [];

    private static List<string> Usages(WordSampleRow row) => JsonSerializer.Deserialize<List<string>>(row.UsagesJson) ?? [];

    /// <summary><c>AiSampleWord</c>.</summary>
    private static JsonObject View(WordSampleRow row) => new()
    {
        ["Keyword"] = row.Keyword,
        ["TagSet"] = new JsonArray([.. Tags(row).Select(t => (JsonNode)t)]),
        ["UsageSet"] = new JsonArray([.. Usages(row).Select(u => (JsonNode)u)]),
        ["CreateTime"] = WireTime.Format(row.CreateTime),
        ["UpdateTime"] = WireTime.Format(row.UpdateTime),
    };
}
