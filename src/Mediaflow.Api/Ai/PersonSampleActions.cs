using Mediaflow.Api.Actions;
using Mediaflow.Application.Ai;
using Mediaflow.Domain.Ai;

namespace Mediaflow.Api.Ai;

/// <summary><c>Create/Modify/Delete/DescribePersonSamples</c>: the account's face library for recognition (docs/media-ai.md).</summary>
public static class PersonSampleActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<PersonSampleChange, PersonSampleService>("CreatePersonSample", _ => { },
            (request, caller, service, cancellationToken) => service.CreateAsync(caller.AppId, request, cancellationToken));
        table.Add<PersonSampleChange, PersonSampleService>("ModifyPersonSample", _ => { },
            (request, caller, service, cancellationToken) => service.ModifyAsync(caller.AppId, request, cancellationToken));
        table.Add<DeleteRequest, PersonSampleService>("DeletePersonSample", async (request, caller, service, cancellationToken) =>
        {
            await service.DeleteAsync(caller.AppId, request.PersonId, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<DescribeRequest, PersonSampleService>("DescribePersonSamples", (request, caller, service, cancellationToken) =>
            service.DescribeAsync(caller.AppId, request.Type, request.PersonIds, request.Names, request.Tags, request.Offset ?? 0, request.Limit ?? 100, cancellationToken));
    }

    public sealed class DeleteRequest : IMpsRequest
    {
        public string? PersonId { get; init; }

        public void Validate() => MpsRequire.Present(PersonId, "PersonId");
    }

    public sealed class DescribeRequest : IMpsRequest
    {
        public string? Type { get; init; }
        public IReadOnlyList<string>? PersonIds { get; init; }
        public IReadOnlyList<string>? Names { get; init; }
        public IReadOnlyList<string>? Tags { get; init; }
        public long? Offset { get; init; }
        public long? Limit { get; init; }

        public void Validate()
        {
        }
    }
}
