using Mediaflow.Api.Actions;
using Mediaflow.Application.Templates;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Api.Templates;

/// <summary><c>Create/Modify/Delete/DescribeTranscodeTemplates</c>. Presets are listed with Type Preset and are read-only.</summary>
public static class TranscodeTemplateActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<TranscodeTemplate, TranscodeTemplateService>("CreateTranscodeTemplate", r => MpsRequire.Present(r.Container, nameof(r.Container)),
            async (request, caller, templates, cancellationToken) =>
                new { Definition = await templates.CreateAsync(caller.AppId, request, cancellationToken) });
        table.Add<TranscodeTemplatePatch, TranscodeTemplateService>("ModifyTranscodeTemplate", r => MpsRequire.Present(r.Definition, nameof(r.Definition)),
            async (request, caller, templates, cancellationToken) =>
            {
                await templates.ModifyAsync(caller.AppId, request.Definition!.Value, request, cancellationToken);
                return MpsEmptyResponse.Instance;
            });
        table.Add<DeleteRequest, TranscodeTemplateService>("DeleteTranscodeTemplate", async (request, caller, templates, cancellationToken) =>
        {
            await templates.DeleteAsync(caller.AppId, request.Definition!.Value, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<DescribeRequest, TranscodeTemplateService>("DescribeTranscodeTemplates", async (request, caller, templates, cancellationToken) =>
        {
            var (total, items) = await templates.DescribeAsync(caller.AppId,
                new DescribeTemplatesQuery(request.Definitions, request.Offset ?? 0, request.Limit ?? 10, request.Type, request.Name, request.ContainerType),
                new TranscodeTypeQuery(request.TranscodeType, request.TEHDType, request.EnhanceType), cancellationToken);
            return new { TotalCount = total, TranscodeTemplateSet = items };
        });
    }

    public sealed class DeleteRequest : IMpsRequest
    {
        public long? Definition { get; init; }

        public void Validate() => MpsRequire.Present(Definition, nameof(Definition));
    }

    public sealed class DescribeRequest : IMpsRequest
    {
        public IReadOnlyList<long>? Definitions { get; init; }
        public long? Offset { get; init; }
        public long? Limit { get; init; }
        public string? Type { get; init; }
        public string? Name { get; init; }
        public string? ContainerType { get; init; }
        public string? TranscodeType { get; init; }
        public string? TEHDType { get; init; }
        public string? EnhanceType { get; init; }

        public void Validate()
        {
        }
    }
}
