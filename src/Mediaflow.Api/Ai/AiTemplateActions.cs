using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Api.Actions;
using Mediaflow.Application.Templates;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Api.Ai;

/// <summary>
/// The four template actions of a media-AI family (reference/mps-api.md §13.0, §13.9) over <see cref="TemplateFamilyService"/>,
/// with the family taken from the request's services (its rules may depend on the configured models, <see cref="AiModels"/>).
/// </summary>
internal static class AiTemplateActions
{
    public static void Register<T>(MpsActionTable table, string name, Func<IServiceProvider, TemplateFamily<T>> familyOf)
        where T : class, IStoredTemplate<T>
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add($"Create{name}Template", async (caller, body, services, cancellationToken) =>
        {
            var created = await Service(services).CreateAsync(familyOf(services), caller.AppId, Read<T>(body), cancellationToken);
            return new { created.Definition };
        });
        table.Add($"Modify{name}Template", async (caller, body, services, cancellationToken) =>
        {
            var definition = Read<DefinitionRequest>(body).Definition ?? throw Missing();
            await Service(services).ModifyAsync(familyOf(services), caller.AppId, definition, JsonNode.Parse(body.GetRawText())!.AsObject(), cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add($"Delete{name}Template", async (caller, body, services, cancellationToken) =>
        {
            var definition = Read<DefinitionRequest>(body).Definition ?? throw Missing();
            await Service(services).DeleteAsync(familyOf(services), caller.AppId, definition, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add($"Describe{name}Templates", async (caller, body, services, cancellationToken) =>
        {
            var request = Read<DescribeRequest>(body);
            var family = familyOf(services);
            var (total, items) = await Service(services).DescribeAsync(family, caller.AppId,
                new DescribeTemplatesQuery(request.Definitions, request.Offset ?? 0, request.Limit ?? 10, request.Type, request.Name, null, null), cancellationToken);
            return new Dictionary<string, object> { ["TotalCount"] = total, [family.SetName] = items };
        });
    }

    private static TemplateFamilyService Service(IServiceProvider services) => services.GetRequiredService<TemplateFamilyService>();

    private static TRequest Read<TRequest>(JsonElement body)
        where TRequest : class
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, "The request body must be a JSON object.");
        }

        return body.Deserialize<TRequest>(MpsJson.Options) ?? throw new ApiException(ApiErrorCodes.InvalidParameter, "The request body must be a JSON object.");
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
    }
}
