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

    public async Task<long> CreateAsync(long appId, TranscodeTemplate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Container))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Container is required");
        }

        TranscodeTemplateRules.Validate(request);
        return await TemplateRows.InsertAsync(db, time, appId, TemplateResolver.TranscodeFamily, MaxTemplatesPerAccount, PresetTranscodeTemplates.Contains,
            (definition, now) =>
            {
                var template = request with { Definition = definition, Type = TemplateType.Custom, CreateTime = now, UpdateTime = now };
                return (template.Name, EngineJson.Serialize(template));
            }, cancellationToken);
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
        await TemplateRows.EnsureUnusedAsync(db, appId, definition, para => para.TranscodeTask?.Definition, cancellationToken);
        db.Templates.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(long Total, List<JsonObject> Items)> DescribeAsync(long appId, DescribeTemplatesQuery query, TranscodeTypeQuery? types, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        types?.Validate();
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
            .Where(t => types is null || types.Matches(t))
            .ToList();
        return (filtered.Count, TemplateRows.Page(filtered, query).Select(View).ToList());
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

    private Task<TemplateRow> FindAsync(long appId, long definition, CancellationToken cancellationToken) =>
        TemplateRows.FindAsync(db, appId, TemplateResolver.TranscodeFamily, definition, cancellationToken);
}
