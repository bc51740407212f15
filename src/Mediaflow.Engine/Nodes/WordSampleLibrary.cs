using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Review;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The account's word samples as keyword libraries: for content review, the built-in defaults plus the samples for review
/// (docs/media-ai-review.md); for keyword recognition, the samples for recognition (docs/media-ai.md).
/// </summary>
public sealed class WordSampleLibrary(IDbContextFactory<MediaflowDbContext> contexts)
{
    /// <summary>The account's recognition keywords: word samples whose usages include <c>Recognition.Ocr</c> (Text) / <c>Recognition.Asr</c> (Speech).</summary>
    public async Task<(IReadOnlyList<RecognitionKeyword> Text, IReadOnlyList<RecognitionKeyword> Speech)> ForRecognitionAsync(long appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WordSamples.AsNoTracking().Where(w => w.AppId == appId).ToListAsync(cancellationToken);
        var words = rows.Select(r => (
            Keyword: new RecognitionKeyword(r.Keyword, JsonSerializer.Deserialize<List<string>>(r.TagsJson) ?? []),
            Usages: WordSampleRules.Expand(JsonSerializer.Deserialize<List<string>>(r.UsagesJson) ?? []))).ToList();
        return (
            [.. words.Where(w => w.Usages.Contains(WordSampleRules.RecognitionOcr)).Select(w => w.Keyword)],
            [.. words.Where(w => w.Usages.Contains(WordSampleRules.RecognitionAsr)).Select(w => w.Keyword)]);
    }

    public async Task<ReviewLibrary> ForReviewAsync(long appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WordSamples.AsNoTracking().Where(w => w.AppId == appId).ToListAsync(cancellationToken);
        return ReviewLibrary.Build(rows.Select(r => (
            r.Keyword,
            (IReadOnlyList<string>)(JsonSerializer.Deserialize<List<string>>(r.TagsJson) ?? []),
            WordSampleRules.Expand(JsonSerializer.Deserialize<List<string>>(r.UsagesJson) ?? []))));
    }
}
