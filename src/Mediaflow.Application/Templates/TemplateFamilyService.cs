using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Templates;

/// <summary>
/// Create/Modify/Delete/Describe for the families beside Transcode (snapshot, sample, sprite, animated, watermark,
/// adaptive): one recipe, parameterised by the <see cref="TemplateFamily{T}"/>. Presets live in code and are read-only.
/// </summary>
public sealed class TemplateFamilyService(MediaflowDbContext db, TimeProvider time)
{
    public async Task<T> CreateAsync<T>(TemplateFamily<T> family, long appId, T request, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(request);
        family.Validate(request);
        await EnsureHotwordsLibraryAsync(family, appId, request, cancellationToken);
        T? stored = null;
        await TemplateRows.InsertAsync(db, time, appId, family.Name, family.MaxPerAccount, d => family.FindPreset(d) is not null, (definition, now) =>
        {
            stored = request.AsCustom(definition, now, now);
            return (stored.Name, EngineJson.Serialize(stored));
        }, cancellationToken);
        return stored!;
    }

    /// <summary>Applies the given members over the stored template (nested objects member by member), then validates the whole.</summary>
    public async Task ModifyAsync<T>(TemplateFamily<T> family, long appId, long definition, JsonObject changes, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(changes);
        if (family.FindPreset(definition) is not null || TemplateType.IsPresetDefinition(definition))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("ModifyDefaultTemplate"), $"preset template {definition} cannot be modified");
        }

        var row = await TemplateRows.FindAsync(db, appId, family.Name, definition, cancellationToken);
        var current = EngineJson.Deserialize<T>(row.BodyJson);
        var merged = JsonNode.Parse(row.BodyJson)!.AsObject();
        foreach (var name in new[] { "Definition", "CreateTime", "UpdateTime" })
        {
            changes.Remove(name);
        }

        if (family.ImmutableType && changes["Type"] is JsonValue type && type.ToString() != current.Type)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Type"), $"the Type of a {family.Name} template cannot be changed");
        }

        family.BeforeModifyMerge?.Invoke(merged, changes);
        Merge(merged, changes);
        T changed;
        try
        {
            changed = merged.Deserialize<T>(EngineJson.Options)!;
        }
        catch (JsonException exception)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, $"a changed field has the wrong type: {exception.Message}");
        }

        changed = changed.AsCustom(definition, current.CreateTime, time.GetUtcNow());
        family.Validate(changed);
        await EnsureHotwordsLibraryAsync(family, appId, changed, cancellationToken);
        row.Name = changed.Name;
        row.BodyJson = EngineJson.Serialize(changed);
        row.UpdateTime = changed.UpdateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync<T>(TemplateFamily<T> family, long appId, long definition, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.FindPreset(definition) is not null || TemplateType.IsPresetDefinition(definition))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("DeleteDefaultTemplate"), $"preset template {definition} cannot be deleted");
        }

        var row = await TemplateRows.FindAsync(db, appId, family.Name, definition, cancellationToken);
        await TemplateRows.EnsureUnusedAsync(db, appId, definition,
            family.UsedByAll is { } all ? para => all(para).Contains(definition) ? definition : null : family.UsedBy, cancellationToken);
        db.Templates.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Presets first (by Definition), then the account's own; filters Definitions, Type, Name.</summary>
    public async Task<(long Total, List<JsonObject> Items)> DescribeAsync<T>(TemplateFamily<T> family, long appId, DescribeTemplatesQuery query, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(query);
        var rows = await db.Templates.AsNoTracking().Where(t => t.AppId == appId && t.Family == family.Name)
            .OrderBy(t => t.Definition).ToListAsync(cancellationToken);
        var filtered = family.Presets.OrderBy(t => t.Definition)
            .Concat(rows.Select(r => EngineJson.Deserialize<T>(r.BodyJson)))
            .Where(t => query.Definitions is not { Count: > 0 } ids || ids.Contains(t.Definition))
            .Where(t => string.IsNullOrEmpty(query.Type) || t.Type == query.Type)
            .Where(t => string.IsNullOrEmpty(query.Name) || t.Name == query.Name)
            .Where(t => query.PureAudio is not { } pureAudio || (t is AdaptiveDynamicStreamingTemplate adaptive && adaptive.PureAudio == pureAudio))
            .ToList();
        var page = TemplateRows.Page(filtered, query);
        var items = page.Select(t => View(family, t)).ToList();
        if (family.HotwordsLibraryOf is { } libraryOf)
        {
            var ids = page.Select(libraryOf).OfType<string>().Distinct().ToList();
            var names = await db.AsrHotwords.AsNoTracking().Where(h => h.AppId == appId && ids.Contains(h.HotwordsId))
                .ToDictionaryAsync(h => h.HotwordsId, h => h.Name, cancellationToken);
            for (var i = 0; i < page.Count; i++)
            {
                items[i]["AsrHotWordsLibraryName"] = libraryOf(page[i]) is { } id && names.TryGetValue(id, out var name) ? name : null;
            }
        }

        return (filtered.Count, items);
    }

    /// <summary>A template naming a hot-word library (smart subtitles) is refused when the account has no such library.</summary>
    private async Task EnsureHotwordsLibraryAsync<T>(TemplateFamily<T> family, long appId, T template, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        if (family.HotwordsLibraryOf?.Invoke(template) is { } id && !await db.AsrHotwords.AnyAsync(h => h.AppId == appId && h.HotwordsId == id, cancellationToken))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("AsrHotWordsLibraryName"),
                $"AsrHotWordsConfigure.LibraryId {id} is not a hot-word library of this account (CreateAsrHotwords makes one; DescribeAsrHotwordsList lists them)");
        }
    }

    private static JsonObject View<T>(TemplateFamily<T> family, T template)
        where T : class, IStoredTemplate<T>
    {
        var node = JsonNode.Parse(EngineJson.Serialize(family.ForDescribe(template)))!.AsObject();
        var preset = family.FindPreset(template.Definition) is not null;
        node["CreateTime"] = WireTime.Format(preset ? DateTimeOffset.UnixEpoch : template.CreateTime);
        node["UpdateTime"] = WireTime.Format(preset ? DateTimeOffset.UnixEpoch : template.UpdateTime);
        return node;
    }

    private static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (name, value) in changes.ToList())
        {
            if (value is null)
            {
                continue;
            }

            if (value is JsonObject patch && target[name] is JsonObject existing)
            {
                Merge(existing, patch);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
