using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Templates;

/// <summary>What every template family's CRUD does the same way with the <c>templates</c> rows (reference/mps-api.md §13.0).</summary>
internal static class TemplateRows
{
    private const int MaxCreateAttempts = 20;

    /// <summary>
    /// Numbers and inserts a custom template. Definitions are max + 1 over every account (the unique index is per family),
    /// from 10000 up, skipping preset ids; concurrent creates read the same max and the loser of the insert takes the next.
    /// </summary>
    public static async Task<long> InsertAsync(
        MediaflowDbContext db, TimeProvider time, long appId, string family, int maxPerAccount, Func<long, bool> isPreset,
        Func<long, DateTimeOffset, (string Name, string BodyJson)> build, CancellationToken cancellationToken)
    {
        var rows = db.Templates.Where(t => t.Family == family);
        if (await rows.CountAsync(t => t.AppId == appId, cancellationToken) >= maxPerAccount)
        {
            throw new ApiException("LimitExceeded.TooMuchTemplate", $"an account has at most {maxPerAccount} {family} templates");
        }

        for (var attempt = 1; ; attempt++)
        {
            var next = Math.Max(Domain.Templates.TemplateType.FirstCustomDefinition, (await rows.MaxAsync(t => (long?)t.Definition, cancellationToken) ?? 0) + 1);
            while (isPreset(next))
            {
                next++;
            }

            var now = time.GetUtcNow();
            var (name, body) = build(next, now);
            var row = new TemplateRow { AppId = appId, Family = family, Definition = next, Name = name, BodyJson = body, CreateTime = now, UpdateTime = now };
            db.Templates.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return next;
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception) && attempt < MaxCreateAttempts)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    public static async Task<TemplateRow> FindAsync(MediaflowDbContext db, long appId, string family, long definition, CancellationToken cancellationToken) =>
        await db.Templates.SingleOrDefaultAsync(t => t.AppId == appId && t.Family == family && t.Definition == definition, cancellationToken)
        ?? throw new ApiException(ApiErrorCodes.TemplateNotExist, $"{family} template {definition} does not exist");

    /// <summary>Refuses with <c>ResourceInUse</c> when one of the account's schedules has a node naming the template.</summary>
    public static async Task EnsureUnusedAsync(MediaflowDbContext db, long appId, long definition, Func<ActivityPara, long?> usedBy, CancellationToken cancellationToken)
    {
        var schedules = await db.Schedules.AsNoTracking().Where(s => s.AppId == appId).Select(s => new { s.Id, s.DefinitionJson }).ToListAsync(cancellationToken);
        var user = schedules.FirstOrDefault(s => (EngineJson.Deserialize<OrchestrationDefinition>(s.DefinitionJson).Activities ?? [])
            .Any(a => a.ActivityPara is { } para && usedBy(para) == definition));
        if (user is not null)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"template {definition} is used by schedule {user.Id}");
        }
    }

    /// <summary>Limit (default 10, 1..100), Offset and at most 100 Definitions, then the page.</summary>
    public static List<T> Page<T>(IReadOnlyCollection<T> filtered, DescribeTemplatesQuery query)
    {
        var limit = query.Limit == 0 ? 10 : query.Limit;
        if (limit is < 1 or > 100 || query.Offset < 0 || query.Definitions is { Count: > 100 })
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "Limit must be 1-100, Offset non-negative, at most 100 Definitions");
        }

        // Offset is a long on the wire: clamp, since a plain (int) cast wraps a large one to a small or negative skip.
        return [.. filtered.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take((int)limit)];
    }
}
