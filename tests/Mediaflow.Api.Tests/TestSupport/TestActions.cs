using Mediaflow.Api.Actions;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Tests.TestSupport;

/// <summary>The production action table plus test-only actions that exercise the front door's typed path and error mapping.</summary>
public static class TestActions
{
    public static MpsActionTable Table()
    {
        var table = MpsActions.Register(new MpsActionTable());
        table.Add("MfTestThrows", (_, _, _, _) => throw new InvalidOperationException("secret internal detail"));
        table.Add("MfTestRefuses", (_, _, _, _) => throw new ApiException(ApiErrorCodes.ResourceInUse, "Schedule 7 is enabled."));
        table.Add<EchoRequest, TimeProvider>("MfTestEcho", (request, caller, _, _) =>
            Task.FromResult<object>(new EchoResponse { Id = request.Id!.Value, Kind = request.Kind, Note = request.Note, AppId = caller.AppId }));
        return table;
    }

    public enum EchoKind
    {
        Custom,
        Preset,
    }

    public sealed class EchoRequest : IMpsRequest
    {
        public long? Id { get; init; }

        public EchoKind? Kind { get; init; }

        public string? Note { get; init; }

        public void Validate() => MpsRequire.Present(Id, nameof(Id));
    }

    public sealed class EchoResponse
    {
        public long Id { get; init; }

        public EchoKind? Kind { get; init; }

        public string? Note { get; init; }

        public long AppId { get; init; }
    }
}
