using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<ScheduleRow> Schedules => Set<ScheduleRow>();
    public DbSet<TemplateRow> Templates => Set<TemplateRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<NodeRunRow> NodeRuns => Set<NodeRunRow>();
    public DbSet<NodeAttemptRow> NodeAttempts => Set<NodeAttemptRow>();
    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();
    public DbSet<UsageRow> Usage => Set<UsageRow>();
    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureEngine(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduleRow>(e =>
        {
            e.ToTable("schedules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<TemplateRow>(e =>
        {
            e.ToTable("templates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<TaskRow>(e =>
        {
            e.ToTable("tasks");
            e.HasKey(x => x.TaskId);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<NodeRunRow>(e =>
        {
            e.ToTable("node_runs");
            e.HasKey(x => new { x.TaskId, x.NodeIndex });
        });
        modelBuilder.Entity<NodeAttemptRow>(e =>
        {
            e.ToTable("node_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<NotificationRow>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.EventId);
        });
        modelBuilder.Entity<UsageRow>(e =>
        {
            e.ToTable("usage_records");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<CheckpointRow>(e =>
        {
            e.ToTable("checkpoints");
            e.HasKey(x => x.Name);
        });
    }
}
