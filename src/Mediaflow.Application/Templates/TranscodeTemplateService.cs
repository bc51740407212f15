using System.Globalization;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Templates;

/// <summary>Create/Modify/Delete/DescribeTranscodeTemplates. Presets live in code and are read-only.</summary>
public sealed class TranscodeTemplateService(MediaflowDbContext db, TimeProvider time)
{
    public const int MaxTemplatesPerAccount = 1000;
    private const int MaxCreateAttempts = 20;

    public async Task<long> CreateAsync(long appId, TranscodeTemplate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Container))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Container is required");
        }

        ValidateNameAndComment(request);
        TranscodeTemplateRules.Validate(request);
        var family = db.Templates.Where(t => t.Family == TemplateResolver.TranscodeFamily);
        if (await family.CountAsync(t => t.AppId == appId, cancellationToken) >= MaxTemplatesPerAccount)
        {
            throw new ApiException("LimitExceeded.TooMuchTemplate", $"an account has at most {MaxTemplatesPerAccount} transcode templates");
        }

        // Definitions are max + 1 over every account (the unique index is per family). Concurrent creates read the same
        // max; the loser of the insert takes the next free number instead of failing.
        for (var attempt = 1; ; attempt++)
        {
            var next = Math.Max(TemplateType.FirstCustomDefinition, (await family.MaxAsync(t => (long?)t.Definition, cancellationToken) ?? 0) + 1);
            while (PresetTranscodeTemplates.Contains(next))
            {
                next++;
            }

            var now = time.GetUtcNow();
            var template = request with { Definition = next, Type = TemplateType.Custom, CreateTime = now, UpdateTime = now };
            var row = new TemplateRow
            {
                AppId = appId,
                Family = TemplateResolver.TranscodeFamily,
                Definition = next,
                Name = template.Name,
                BodyJson = EngineJson.Serialize(template),
                CreateTime = now,
                UpdateTime = now,
            };
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

    public async Task ModifyAsync(long appId, long definition, TranscodeTemplatePatch changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (PresetTranscodeTemplates.Contains(definition))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("ModifyDefaultTemplate"), $"preset template {definition} cannot be modified");
        }

        var row = await FindAsync(appId, definition, cancellationToken);
        var current = EngineJson.Deserialize<TranscodeTemplate>(row.BodyJson);
        var merged = TranscodeTemplateMerge.Apply(current, changes) with { UpdateTime = time.GetUtcNow() };
        ValidateNameAndComment(merged);
        TranscodeTemplateRules.Validate(merged);
        row.Name = merged.Name;
        row.BodyJson = EngineJson.Serialize(merged);
        row.UpdateTime = merged.UpdateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(long appId, long definition, CancellationToken cancellationToken)
    {
        if (PresetTranscodeTemplates.Contains(definition))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("DeleteDefaultTemplate"), $"preset template {definition} cannot be deleted");
        }

        var row = await FindAsync(appId, definition, cancellationToken);
        var schedules = await db.Schedules.AsNoTracking().Where(s => s.AppId == appId).Select(s => new { s.Id, s.DefinitionJson }).ToListAsync(cancellationToken);
        var user = schedules.FirstOrDefault(s => (EngineJson.Deserialize<OrchestrationDefinition>(s.DefinitionJson).Activities ?? [])
            .Any(a => a.ActivityPara?.TranscodeTask?.Definition == definition));
        if (user is not null)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"template {definition} is used by schedule {user.Id}");
        }

        db.Templates.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(long Total, List<JsonObject> Items)> DescribeAsync(long appId, DescribeTemplatesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit == 0 ? 10 : query.Limit;
        if (limit is < 1 or > 100 || query.Offset < 0 || query.Definitions is { Count: > 100 })
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "Limit must be 1-100, Offset non-negative, at most 100 Definitions");
        }

        var all = new List<TranscodeTemplate>();
        if (query.Type is null or "" or TemplateType.Preset)
        {
            all.AddRange(PresetTranscodeTemplates.All.OrderBy(t => t.Definition));
        }

        if (query.Type is null or "" or TemplateType.Custom)
        {
            var rows = await db.Templates.AsNoTracking().Where(t => t.AppId == appId && t.Family == TemplateResolver.TranscodeFamily)
                .OrderBy(t => t.Definition).ToListAsync(cancellationToken);
            all.AddRange(rows.Select(r => EngineJson.Deserialize<TranscodeTemplate>(r.BodyJson)));
        }

        var filtered = all
            .Where(t => query.Definitions is not { Count: > 0 } ids || ids.Contains(t.Definition))
            .Where(t => string.IsNullOrEmpty(query.Name) || t.Name == query.Name)
            .Where(t => string.IsNullOrEmpty(query.ContainerType) || ContainerType(t) == query.ContainerType)
            .ToList();
        // Offset is a long on the wire: clamp, since a plain (int) cast wraps a large one to a small or negative skip.
        return (filtered.Count, filtered.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take((int)limit).Select(View).ToList());
    }

    private static string ContainerType(TranscodeTemplate template) => template.IsAudioOnly ? "PureAudio" : "Video";

    /// <summary>The wire TranscodeTemplate: note that its Definition is a string (spec §13.0).</summary>
    private static JsonObject View(TranscodeTemplate template)
    {
        var node = JsonNode.Parse(EngineJson.Serialize(template))!.AsObject();
        node["Definition"] = template.Definition.ToString(CultureInfo.InvariantCulture);
        node["ContainerType"] = ContainerType(template);
        node["CreateTime"] = WireTime.Format(template.Type == TemplateType.Preset ? DateTimeOffset.UnixEpoch : template.CreateTime);
        node["UpdateTime"] = WireTime.Format(template.Type == TemplateType.Preset ? DateTimeOffset.UnixEpoch : template.UpdateTime);
        return node;
    }

    private async Task<TemplateRow> FindAsync(long appId, long definition, CancellationToken cancellationToken) =>
        await db.Templates.SingleOrDefaultAsync(t => t.AppId == appId && t.Family == TemplateResolver.TranscodeFamily && t.Definition == definition, cancellationToken)
        ?? throw new ApiException(ApiErrorCodes.TemplateNotExist, $"transcode template {definition} does not exist");

    private static void ValidateNameAndComment(TranscodeTemplate template)
    {
        if (template.Name.Length > 64)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), "Name is longer than 64 characters");
        }

        if (template.Comment.Length > 256)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Comment"), "Comment is longer than 256 characters");
        }
    }
}
