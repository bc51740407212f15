using System.Collections.Concurrent;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Each account's Standard Webhooks signing secret, created on first use and kept in the database
/// (<c>notification_secrets</c>), so every server on the same database signs alike. Receivers read it with
/// <c>MfDescribeNotificationSecret</c> or <c>mediaflow notifications secret</c>.
/// </summary>
public sealed class SigningSecrets(IDbContextFactory<MediaflowDbContext> contexts, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<long, string> cache = new();
    private readonly SemaphoreSlim creating = new(1, 1); // one creator per process; other processes meet the unique key

    public async Task<string> GetAsync(long appId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(appId, out var cached))
        {
            return cached;
        }

        await creating.WaitAsync(cancellationToken);
        try
        {
            return cache.TryGetValue(appId, out cached) ? cached : await LoadOrCreateAsync(appId, cancellationToken);
        }
        finally
        {
            creating.Release();
        }
    }

    private async Task<string> LoadOrCreateAsync(long appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var secret = await db.NotificationSecrets.AsNoTracking().Where(s => s.AppId == appId).Select(s => s.Secret).SingleOrDefaultAsync(cancellationToken);
        if (secret is null)
        {
            db.NotificationSecrets.Add(new NotificationSecretRow { AppId = appId, Secret = WebhookSignature.NewSecret(), CreatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                // Another process on the same database created it first; theirs is the one.
            }

            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            secret = await fresh.NotificationSecrets.AsNoTracking().Where(s => s.AppId == appId).Select(s => s.Secret).SingleAsync(cancellationToken);
        }

        return cache.GetOrAdd(appId, secret);
    }

    public void Dispose() => creating.Dispose();
}
