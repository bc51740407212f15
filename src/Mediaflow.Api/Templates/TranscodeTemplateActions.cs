using System.Text.Json;
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
        table.Add<CreateRequest, TranscodeTemplateService>("CreateTranscodeTemplate", async (request, caller, templates, cancellationToken) =>
            new { Definition = await templates.CreateAsync(caller.AppId, request.ToTemplate(), cancellationToken) });
        table.Add<ModifyRequest, TranscodeTemplateService>("ModifyTranscodeTemplate", async (request, caller, templates, cancellationToken) =>
        {
            await templates.ModifyAsync(caller.AppId, request.Definition!.Value, request.ToPatch(), cancellationToken);
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
                new DescribeTemplatesQuery(request.Definitions, request.Offset ?? 0, request.Limit ?? 10, request.Type, request.Name, request.ContainerType), cancellationToken);
            return new { TotalCount = total, TranscodeTemplateSet = items };
        });
    }

    public sealed class CreateRequest : IMpsRequest
    {
        public string? Container { get; init; }
        public string? Name { get; init; }
        public string? Comment { get; init; }
        public long? RemoveVideo { get; init; }
        public long? RemoveAudio { get; init; }
        public VideoTemplateInfo? VideoTemplate { get; init; }
        public AudioTemplateInfo? AudioTemplate { get; init; }
        public JsonElement? TEHDConfig { get; init; }
        public JsonElement? EnhanceConfig { get; init; }
        public JsonElement? SubtitleTemplate { get; init; }
        public string? StdExtInfo { get; init; }

        public void Validate() => MpsRequire.Present(Container, nameof(Container));

        public TranscodeTemplate ToTemplate() => new()
        {
            Container = Container!,
            Name = Name ?? "",
            Comment = Comment ?? "",
            RemoveVideo = RemoveVideo ?? 0,
            RemoveAudio = RemoveAudio ?? 0,
            VideoTemplate = VideoTemplate,
            AudioTemplate = AudioTemplate,
            TEHDConfig = TEHDConfig,
            EnhanceConfig = EnhanceConfig,
            SubtitleTemplate = SubtitleTemplate,
            StdExtInfo = StdExtInfo,
        };
    }

    public sealed class ModifyRequest : IMpsRequest
    {
        public long? Definition { get; init; }
        public string? Container { get; init; }
        public string? Name { get; init; }
        public string? Comment { get; init; }
        public long? RemoveVideo { get; init; }
        public long? RemoveAudio { get; init; }
        public VideoTemplateInfo? VideoTemplate { get; init; }
        public AudioTemplateInfo? AudioTemplate { get; init; }
        public JsonElement? TEHDConfig { get; init; }
        public JsonElement? EnhanceConfig { get; init; }
        public JsonElement? SubtitleTemplate { get; init; }
        public string? StdExtInfo { get; init; }

        public void Validate() => MpsRequire.Present(Definition, nameof(Definition));

        public TranscodeTemplatePatch ToPatch() => new()
        {
            Container = Container,
            Name = Name,
            Comment = Comment,
            RemoveVideo = RemoveVideo,
            RemoveAudio = RemoveAudio,
            VideoTemplate = VideoTemplate,
            AudioTemplate = AudioTemplate,
            TEHDConfig = TEHDConfig,
            EnhanceConfig = EnhanceConfig,
            SubtitleTemplate = SubtitleTemplate,
            StdExtInfo = StdExtInfo,
        };
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

        public void Validate()
        {
        }
    }
}
