namespace Mediaflow.Persistence.Sessions;

/// <summary>
/// A signed-in console session (table <c>console_sessions</c>, migration 11). <see cref="TokenHash"/> is the lowercase
/// hex SHA-256 of the cookie's token; the token itself is only ever in the browser.
/// </summary>
public sealed class ConsoleSessionRow
{
    public long Id { get; set; }
    public string TokenHash { get; set; } = "";
    public long AppId { get; set; }
    public string Principal { get; set; } = "";
    public string CsrfToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The idle expiry: moved forward as the session is used, never past <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset AbsoluteExpiresAt { get; set; }
}
