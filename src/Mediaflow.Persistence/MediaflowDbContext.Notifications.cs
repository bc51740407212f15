using Mediaflow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<NotificationAttemptRow> NotificationAttempts => Set<NotificationAttemptRow>();
    public DbSet<NotificationSecretRow> NotificationSecrets => Set<NotificationSecretRow>();
    public DbSet<DisabledTargetRow> DisabledTargets => Set<DisabledTargetRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureNotifications(ModelBuilder modelBuilder)
    {
        // A delivery attempt is claimed by bumping Attempts: two deliveries of one event (a message replayed after a
        // crash next to its scheduled retry) cannot both send; the second one's claim fails.
        modelBuilder.Entity<Engine.NotificationRow>().Property(x => x.Attempts).IsConcurrencyToken();
        modelBuilder.Entity<NotificationAttemptRow>(e =>
        {
            e.ToTable("notification_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<NotificationSecretRow>(e =>
        {
            e.ToTable("notification_secrets");
            e.HasKey(x => x.AppId);
            e.Property(x => x.AppId).ValueGeneratedNever();
        });
        modelBuilder.Entity<DisabledTargetRow>(e =>
        {
            e.ToTable("notification_disabled_targets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
    }
}
