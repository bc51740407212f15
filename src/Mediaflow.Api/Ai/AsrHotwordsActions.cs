using Mediaflow.Api.Actions;
using Mediaflow.Application.Ai;

namespace Mediaflow.Api.Ai;

/// <summary><c>Create/Modify/Delete/DescribeAsrHotwords</c>, <c>DescribeAsrHotwordsList</c>: the account's ASR hot-word libraries (docs/media-ai-subtitles.md).</summary>
public static class AsrHotwordsActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<AsrHotwordsChange, AsrHotwordsService>("CreateAsrHotwords", _ => { },
            (request, caller, service, cancellationToken) => service.CreateAsync(caller.AppId, request, cancellationToken));
        table.Add<AsrHotwordsChange, AsrHotwordsService>("ModifyAsrHotwords", request => MpsRequire.Present(request.HotwordsId, "HotwordsId"), async (request, caller, service, cancellationToken) =>
        {
            await service.ModifyAsync(caller.AppId, request, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<AsrHotwordsChange, AsrHotwordsService>("DeleteAsrHotwords", request => MpsRequire.Present(request.HotwordsId, "HotwordsId"), async (request, caller, service, cancellationToken) =>
        {
            await service.DeleteAsync(caller.AppId, request.HotwordsId, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
        table.Add<AsrHotwordsQuery, AsrHotwordsService>("DescribeAsrHotwords", _ => { },
            (request, caller, service, cancellationToken) => service.DescribeAsync(caller.AppId, request, cancellationToken));
        table.Add<AsrHotwordsQuery, AsrHotwordsService>("DescribeAsrHotwordsList", _ => { },
            (request, caller, service, cancellationToken) => service.DescribeListAsync(caller.AppId, request, cancellationToken));
    }
}
