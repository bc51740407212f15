using Mediaflow.Media.Ai.HotWords;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

/// <summary>The hot words of an account's ASR hot-word library (<c>CreateAsrHotwords</c>), read when a subtitle node runs.</summary>
public sealed class AsrHotwordsLibrary(IDbContextFactory<MediaflowDbContext> contexts)
{
    /// <summary>The library's entries, or null when the account has no library with that id.</summary>
    public async Task<IReadOnlyList<HotWord>?> WordsAsync(long appId, string hotwordsId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.AsrHotwords.AsNoTracking().SingleOrDefaultAsync(h => h.AppId == appId && h.HotwordsId == hotwordsId, cancellationToken);
        return row is null ? null : HotWordListParser.Parse(row.Content).Words;
    }
}
