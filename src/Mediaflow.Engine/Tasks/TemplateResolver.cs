using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.QualityControl;
using Mediaflow.Domain.Templates;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Tasks;

/// <summary>Looks up the templates an orchestration's nodes name: system presets from code, custom ones from the account's rows.</summary>
public static class TemplateResolver
{
    public const string TranscodeFamily = "Transcode";

    public static async Task<TranscodeTemplate?> FindTranscodeAsync(MediaflowDbContext db, long appId, long definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (PresetTranscodeTemplates.Find(definition) is { } preset)
        {
            return preset;
        }

        var row = await db.Templates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Family == TranscodeFamily && t.Definition == definition && t.AppId == appId, cancellationToken);
        return row is null ? null : EngineJson.Deserialize<TranscodeTemplate>(row.BodyJson);
    }

    public static async Task<T?> FindAsync<T>(MediaflowDbContext db, TemplateFamily<T> family, long appId, long definition, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(family);
        if (family.FindPreset(definition) is { } preset)
        {
            return preset;
        }

        var row = await db.Templates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Family == family.Name && t.Definition == definition && t.AppId == appId, cancellationToken);
        return row is null ? null : EngineJson.Deserialize<T>(row.BodyJson);
    }

    /// <summary>Every template the activities use; an unknown one is refused naming its node.</summary>
    public static async Task<ResolvedTemplates> ResolveAsync(
        MediaflowDbContext db, long appId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var templates = new ResolvedTemplates();
        for (var i = 0; i < activities.Count; i++)
        {
            var para = activities[i].ActivityPara;
            if (para?.TranscodeTask is { Definition: { } definition and not 0 } && !templates.Contains(definition))
            {
                templates.Add(await FindTranscodeAsync(db, appId, definition, cancellationToken)
                    ?? throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"Activities[{i}]: transcode template {definition} does not exist"));
            }

            if (para is not null)
            {
                await AddAsync(db, TemplateFamilies.SnapshotByTimeOffset, appId, i, para, templates, cancellationToken);
                await AddAsync(db, TemplateFamilies.SampleSnapshot, appId, i, para, templates, cancellationToken);
                await AddAsync(db, TemplateFamilies.ImageSprite, appId, i, para, templates, cancellationToken);
                await AddAsync(db, TemplateFamilies.AnimatedGraphics, appId, i, para, templates, cancellationToken);
                await AddAsync(db, TemplateFamilies.AdaptiveDynamicStreaming, appId, i, para, templates, cancellationToken);
                await AddAsync(db, Domain.Ai.AiTemplateFamilies.AiRecognition, appId, i, para, templates, cancellationToken);
                await AddWatermarksAsync(db, appId, i, para, templates, cancellationToken);
                await AddQualityControlAsync(db, appId, i, para, templates, cancellationToken);
                await AddAsync(db, AiAnalysisTemplates.Family(AiModels.None), appId, i, para, templates, cancellationToken);
                await AddAsync(db, SmartEraseTemplates.Family, appId, i, para, templates, cancellationToken);
                await AddAsync(db, ContentReviewTemplates.Family(AiModels.None), appId, i, para, templates, cancellationToken);
                await AddAsync(db, SmartSubtitleTemplates.Family(SmartSubtitleRules.AnyAsrLanguage), appId, i, para, templates, cancellationToken);
            }
        }

        return templates;
    }

    /// <summary>Every watermark template of the node's WatermarkSet, each checked against what the node gives it (SVG body, text).</summary>
    private static async Task AddWatermarksAsync(MediaflowDbContext db, long appId, int index, ActivityPara para, ResolvedTemplates templates, CancellationToken cancellationToken)
    {
        foreach (var watermark in WatermarkTaskRules.WatermarksOf(para))
        {
            var definition = watermark.Definition ?? 0;
            if (definition == 0)
            {
                continue; // an inline RawParameter watermark (validated with the node; its picture is fetched when the node runs)
            }

            var template = await FindAsync(db, TemplateFamilies.Watermark, appId, definition, cancellationToken)
                ?? throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"Activities[{index}]: Watermark template {definition} does not exist");
            WatermarkTaskRules.ValidateAgainstTemplate(index, watermark, template);
            templates.Add(TemplateFamilies.Watermark, template);
        }
    }

    /// <summary>
    /// A custom quality-control template is snapshotted like any other; presets (below 10000) are not: they depend on the
    /// inspectors this build registers, so the node takes them from its catalogue and save-time validation checks them there.
    /// </summary>
    private static async Task AddQualityControlAsync(MediaflowDbContext db, long appId, int index, ActivityPara para, ResolvedTemplates templates, CancellationToken cancellationToken)
    {
        if (para.QualityControlTask?.Definition is not { } definition || definition < TemplateType.FirstCustomDefinition
            || templates.Contains(QualityControlTemplateFamily.Name, definition))
        {
            return;
        }

        var row = await db.Templates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Family == QualityControlTemplateFamily.Name && t.Definition == definition && t.AppId == appId, cancellationToken)
            ?? throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"Activities[{index}]: QualityControl template {definition} does not exist");
        templates.Add(QualityControlTemplateFamily.Name, EngineJson.Deserialize<QualityControlTemplate>(row.BodyJson));
    }

    private static async Task AddAsync<T>(MediaflowDbContext db, TemplateFamily<T> family, long appId, int index, ActivityPara para, ResolvedTemplates templates, CancellationToken cancellationToken)
        where T : class, IStoredTemplate<T>
    {
        if (family.UsedBy(para) is not { } definition || templates.Contains(family.Name, definition))
        {
            return;
        }

        templates.Add(family, await FindAsync(db, family, appId, definition, cancellationToken)
            ?? throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"Activities[{index}]: {family.Name} template {definition} does not exist"));
    }
}
