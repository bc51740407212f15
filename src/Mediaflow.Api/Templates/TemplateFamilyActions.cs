using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Api.Actions;
using Mediaflow.Application.Templates;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.QualityControl;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.QualityControl;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Api.Templates;

/// <summary>
/// <c>Create/Modify/Delete/Describe{Family}Template(s)</c> for the snapshot, sample, sprite, animated, watermark, adaptive and
/// quality-control families (reference/mps-api.md §13.0, §13.2–§13.8): the same four handlers for each, over <see cref="TemplateFamilyService"/>.
/// </summary>
public static class TemplateFamilyActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Register(table, TemplateFamilies.SnapshotByTimeOffset);
        Register(table, TemplateFamilies.SampleSnapshot);
        Register(table, TemplateFamilies.ImageSprite);
        Register(table, TemplateFamilies.AnimatedGraphics);
        Register(table, TemplateFamilies.Watermark, created => new
        {
            created.Definition,
            ImageUrl = WatermarkTemplate.WithImageUrl(created).ImageTemplate?.ImageUrl ?? "",
        });
        Register(table, TemplateFamilies.AdaptiveDynamicStreaming);
        Register(table, QualityControlTemplateFamily.Name, services => services.GetRequiredService<QualityControlCatalog>().Family);
        Register(table, Domain.Ai.AiTemplateFamilies.AiRecognition);
    }

    private static void Register<T>(MpsActionTable table, TemplateFamily<T> family, Func<T, object>? createResponse = null)
        where T : class, IStoredTemplate<T> =>
        Register(table, family.Name, _ => family, createResponse);

    /// <param name="familyOf">The family, from the request's services when it is built at startup (quality control: from the registered inspectors; AI analysis: with the configured models).</param>
    internal static void Register<T>(MpsActionTable table, string name, Func<IServiceProvider, TemplateFamily<T>> familyOf, Func<T, object>? createResponse = null)
        where T : class, IStoredTemplate<T>
    {
        table.Add($"Create{name}Template", async (caller, body, services, cancellationToken) =>
        {
            var family = familyOf(services);
            var request = Read<T>(body);
            var created = await Service(services).CreateAsync(family, caller.AppId, request, cancellationToken);
            return createResponse?.Invoke(created) ?? new { created.Definition };
        });
        table.Add($"Modify{name}Template", async (caller, body, services, cancellationToken) =>
        {
            var family = familyOf(services);
            var definition = Read<DefinitionRequest>(body).Definition ?? throw Missing();
            await Service(services).ModifyAsync(family, caller.AppId, definition, JsonNode.Parse(body.GetRawText())!.AsObject(), cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add($"Delete{name}Template", async (caller, body, services, cancellationToken) =>
        {
            var family = familyOf(services);
            var definition = Read<DefinitionRequest>(body).Definition ?? throw Missing();
            await Service(services).DeleteAsync(family, caller.AppId, definition, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add($"Describe{name}Templates", async (caller, body, services, cancellationToken) =>
        {
            var family = familyOf(services);
            var request = Read<DescribeRequest>(body);
            if (request.PureAudio is not null && family.Name != TemplateFamilies.AdaptiveDynamicStreaming.Name)
            {
                throw new ApiException(ApiErrorCodes.InvalidValue("PureAudio"), $"PureAudio filters adaptive streaming templates only, not {family.Name}");
            }

            var (total, items) = await Service(services).DescribeAsync(family, caller.AppId,
                new DescribeTemplatesQuery(request.Definitions, request.Offset ?? 0, request.Limit ?? 10, request.Type, request.Name, null, request.PureAudio), cancellationToken);
            return new Dictionary<string, object> { ["TotalCount"] = total, [family.SetName] = items };
        });
    }

    private static TemplateFamilyService Service(IServiceProvider services) => services.GetRequiredService<TemplateFamilyService>();

    private static T Read<T>(JsonElement body)
        where T : class
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, "The request body must be a JSON object.");
        }

        return body.Deserialize<T>(MpsJson.Options) ?? throw new ApiException(ApiErrorCodes.InvalidParameter, "The request body must be a JSON object.");
    }

    private static ApiException Missing() => new(ApiErrorCodes.MissingParameter, "Definition is required");

    private sealed class DefinitionRequest
    {
        public long? Definition { get; init; }
    }

    private sealed class DescribeRequest
    {
        public IReadOnlyList<long>? Definitions { get; init; }
        public long? Offset { get; init; }
        public long? Limit { get; init; }
        public string? Type { get; init; }
        public string? Name { get; init; }
        public long? PureAudio { get; init; }
    }
}
