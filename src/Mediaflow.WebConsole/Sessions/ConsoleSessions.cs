using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mediaflow.WebConsole.Sessions;

/// <summary>A signed-in console session: the account it acts as, who signed in, and its CSRF token.</summary>
/// <param name="Principal">The console user's name, or the SecretId the session was opened with.</param>
public sealed record ConsoleSession(string Id, long AppId, string Principal, string CsrfToken)
{
    public DateTimeOffset LastSeen { get; set; }
}

/// <summary>
/// Sessions in the server's memory (a restart signs everyone out). Ids and CSRF tokens are 256-bit random values; a
/// session unused for <see cref="ConsoleOptions.SessionIdleTimeout"/> ends.
/// </summary>
public sealed class ConsoleSessions(ConsoleOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConsoleSession> sessions = new(StringComparer.Ordinal);

    public ConsoleSession Open(long appId, string principal)
    {
        Sweep();
        var session = new ConsoleSession(NewToken(), appId, principal, NewToken()) { LastSeen = time.GetUtcNow() };
        sessions[session.Id] = session;
        return session;
    }

    /// <summary>The live session with this id (its idle clock restarts), or null.</summary>
    public ConsoleSession? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - session.LastSeen > options.SessionIdleTimeout)
        {
            sessions.TryRemove(id, out _);
            return null;
        }

        session.LastSeen = now;
        return session;
    }

    public void Close(string id) => sessions.TryRemove(id, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in sessions)
        {
            if (now - session.LastSeen > options.SessionIdleTimeout)
            {
                sessions.TryRemove(id, out _);
            }
        }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
