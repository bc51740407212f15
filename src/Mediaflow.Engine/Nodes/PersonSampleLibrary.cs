using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

/// <summary>The faces face recognition trains on: the account's person samples whose usages include recognition, filtered by tags.</summary>
public sealed class PersonSampleLibrary(IDbContextFactory<MediaflowDbContext> contexts)
{
    public async Task<IReadOnlyList<FaceSample>> FacesAsync(long appId, IReadOnlyList<string>? labels, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PersonSamples.AsNoTracking().Where(p => p.AppId == appId).ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => PersonSampleRules.ForRecognition(JsonSerializer.Deserialize<List<string>>(r.UsagesJson) ?? []))
            .Where(r => labels is not { Count: > 0 } || (JsonSerializer.Deserialize<List<string>>(r.TagsJson) ?? []).Any(labels.Contains))
            .SelectMany(r => (JsonSerializer.Deserialize<List<PersonFace>>(r.FacesJson) ?? []).Select(f => new FaceSample(r.PersonId, r.Name, Convert.FromBase64String(f.Crop))))];
    }
}
