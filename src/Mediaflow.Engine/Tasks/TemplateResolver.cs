using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
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

    /// <summary>Every template the activities use, keyed by Definition; an unknown one is refused naming its node.</summary>
    public static async Task<IReadOnlyDictionary<long, TranscodeTemplate>> ResolveAsync(
        MediaflowDbContext db, long appId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var templates = new Dictionary<long, TranscodeTemplate>();
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].ActivityPara?.TranscodeTask is not { Definition: { } definition and not 0 })
            {
                continue;
            }

            if (templates.ContainsKey(definition))
            {
                continue;
            }

            templates[definition] = await FindTranscodeAsync(db, appId, definition, cancellationToken)
                ?? throw new ApiException(ApiErrorCodes.InvalidValue("Definition"), $"Activities[{i}]: transcode template {definition} does not exist");
        }

        return templates;
    }
}
