using Mediaflow.Api.Actions;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Api.Tasks;

/// <summary><c>DescribeMediaMetaData</c> → <c>{MetaData}</c> of a COS object.</summary>
public static class DescribeMediaMetaDataAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, MediaMetaDataService>("DescribeMediaMetaData", async (request, caller, media, cancellationToken) =>
            new { MetaData = await media.DescribeAsync(caller.AppId, request.InputInfo, cancellationToken) });
    }

    public sealed class Request : IMpsRequest
    {
        public MediaInputInfo? InputInfo { get; init; }

        public void Validate() => MpsRequire.Present(InputInfo, nameof(InputInfo));
    }
}
