using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai.Review;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

/// <summary>The keywords content review runs with: the built-in defaults plus this account's word samples for review (docs/media-ai-review.md).</summary>
public sealed class WordSampleLibrary(IDbContextFactory<MediaflowDbContext> contexts)
{
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
