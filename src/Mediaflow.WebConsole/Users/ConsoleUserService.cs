using Mediaflow.Persistence;
using Mediaflow.Persistence.Users;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.WebConsole.Users;

/// <summary>Console users (table <c>console_users</c>, migration 12): created by <c>mediaflow users create</c>, checked at sign-in.</summary>
public sealed class ConsoleUserService(IDbContextFactory<MediaflowDbContext> contexts, TimeProvider time)
{
    public const int MinimumPasswordLength = 8;

    /// <exception cref="ArgumentException">The name or password is unusable, or the account already has a user of that name.</exception>
    public async Task CreateAsync(long appId, string name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        if (name.Length is 0 or > 64 || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("the user name must be 1-64 characters without spaces", nameof(name));
        }

        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"the password must have at least {MinimumPasswordLength} characters", nameof(password));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ConsoleUsers.AnyAsync(u => u.AppId == appId && u.Name == name, cancellationToken))
        {
            throw new ArgumentException($"account {appId} already has a console user named {name}", nameof(name));
        }

        db.ConsoleUsers.Add(new ConsoleUserRow { AppId = appId, Name = name, PasswordHash = ConsolePasswords.Hash(password), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>True when the account has this user and the password matches.</summary>
    public async Task<bool> VerifyAsync(long appId, string name, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ConsoleUsers.AsNoTracking().SingleOrDefaultAsync(u => u.AppId == appId && u.Name == name, cancellationToken);
        return row is not null && ConsolePasswords.Verify(password, row.PasswordHash);
    }
}
