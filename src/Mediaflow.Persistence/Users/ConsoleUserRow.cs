namespace Mediaflow.Persistence.Users;

/// <summary>A console user of one account; <see cref="PasswordHash"/> is <c>pbkdf2-sha256$iterations$salt$hash</c> (base64).</summary>
public sealed class ConsoleUserRow
{
    public long Id { get; set; }
    public long AppId { get; set; }
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
