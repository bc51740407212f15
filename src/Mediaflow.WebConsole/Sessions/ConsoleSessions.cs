using System.Security.Cryptography;
using System.Text;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.WebConsole.Sessions;

/// <summary>A signed-in console session: the account it acts as, who signed in, and its CSRF token.</summary>
/// <param name="Token">The cookie's value (only the browser and this record hold it; the database keeps its hash).</param>
/// <param name="Principal">The console user's name, or the SecretId the session was opened with.</param>
public sealed record ConsoleSession(string Token, long AppId, string Principal, string CsrfToken);

/// <summary>
/// Sessions in the database (table <c>console_sessions</c>, migration 11), so a restart signs nobody out. Tokens and
/// CSRF tokens are 256-bit random values; only the SHA-256 of a token is stored. Expiry is sliding with an absolute cap:
/// a session unused for <see cref="ConsoleOptions.SessionIdleTimeout"/> ends, and none outlives
/// <see cref="ConsoleOptions.SessionLifetime"/> from its sign-in. Expired rows are deleted when found and at every
/// sign-in (<see cref="CollectExpiredAsync"/>).
/// </summary>
public sealed class ConsoleSessions(IDbContextFactory<MediaflowDbContext> contexts, ConsoleOptions options, TimeProvider time)
{
    /// <summary>Using a session moves its idle expiry only when it was last moved at least this long ago (one write a minute, not one a request).</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<ConsoleSession> OpenAsync(long appId, string principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await CollectExpiredAsync(cancellationToken);
        var now = time.GetUtcNow();
        var absolute = now + options.SessionLifetime;
        var session = new ConsoleSession(NewToken(), appId, principal, NewToken());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ConsoleSessions.Add(new ConsoleSessionRow
        {
            TokenHash = Hash(session.Token),
            AppId = appId,
            Principal = principal,
            CsrfToken = session.CsrfToken,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = Min(now + options.SessionIdleTimeout, absolute),
            AbsoluteExpiresAt = absolute,
        });
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>The live session with this token (its idle expiry slides forward), or null.</summary>
    public async Task<ConsoleSession?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ConsoleSessions.SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now >= row.ExpiresAt || now >= row.AbsoluteExpiresAt)
        {
            db.ConsoleSessions.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (now - row.LastSeenAt >= TouchInterval)
        {
            row.LastSeenAt = now;
            row.ExpiresAt = Min(now + options.SessionIdleTimeout, row.AbsoluteExpiresAt);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ConsoleSession(token, row.AppId, row.Principal, row.CsrfToken);
    }

    /// <summary>Signs the session out: its row is deleted.</summary>
    public async Task CloseAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ConsoleSessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes every expired session; answers how many.</summary>
    public async Task<int> CollectExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConsoleSessions.Where(s => s.ExpiresAt <= now || s.AbsoluteExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The stored form of a token: lowercase hex SHA-256.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
