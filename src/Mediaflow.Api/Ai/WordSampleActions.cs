using Mediaflow.Api.Actions;
using Mediaflow.Application.Ai;
using Mediaflow.Domain.Ai;

namespace Mediaflow.Api.Ai;

/// <summary><c>CreateWordSamples</c>, <c>ModifyWordSample</c>, <c>DeleteWordSamples</c>, <c>DescribeWordSamples</c>: the account's keyword library (docs/media-ai-review.md).</summary>
public static class WordSampleActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<CreateRequest, WordSampleService>("CreateWordSamples", async (request, caller, service, cancellationToken) =>
        {
            await service.CreateAsync(caller.AppId, request.Usages, request.Words, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<ModifyRequest, WordSampleService>("ModifyWordSample", async (request, caller, service, cancellationToken) =>
        {
            await service.ModifyAsync(caller.AppId, request.Keyword, request.Usages, request.TagOperationInfo, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<DeleteRequest, WordSampleService>("DeleteWordSamples", async (request, caller, service, cancellationToken) =>
        {
            await service.DeleteAsync(caller.AppId, request.Keywords, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<DescribeRequest, WordSampleService>("DescribeWordSamples", (request, caller, service, cancellationToken) =>
            service.DescribeAsync(caller.AppId, request.Keywords, request.Usages, request.Tags, request.Offset ?? 0, request.Limit ?? 100, cancellationToken));
    }

    public sealed class CreateRequest : IMpsRequest
    {
        public IReadOnlyList<string>? Usages { get; init; }
        public IReadOnlyList<WordSampleInfo>? Words { get; init; }

        public void Validate()
        {
            MpsRequire.Present(Usages, "Usages");
            MpsRequire.Present(Words, "Words");
        }
    }

    public sealed class ModifyRequest : IMpsRequest
    {
        public string? Keyword { get; init; }
        public IReadOnlyList<string>? Usages { get; init; }
        public SampleOperation? TagOperationInfo { get; init; }

        public void Validate() => MpsRequire.Present(Keyword, "Keyword");
    }

    public sealed class DeleteRequest : IMpsRequest
    {
        public IReadOnlyList<string>? Keywords { get; init; }

        public void Validate() => MpsRequire.Present(Keywords, "Keywords");
    }

    public sealed class DescribeRequest : IMpsRequest
    {
        public IReadOnlyList<string>? Keywords { get; init; }
        public IReadOnlyList<string>? Usages { get; init; }
        public IReadOnlyList<string>? Tags { get; init; }
        public long? Offset { get; init; }
        public long? Limit { get; init; }

        public void Validate()
        {
        }
    }
}
