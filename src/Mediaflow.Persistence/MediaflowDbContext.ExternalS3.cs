using Mediaflow.Persistence.ExternalS3;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<ExternalTaskRow> ExternalTasks => Set<ExternalTaskRow>();
    public DbSet<ExternalWatermarkRow> ExternalWatermarks => Set<ExternalWatermarkRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureExternalS3(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExternalTaskRow>(e =>
        {
            e.ToTable("external_task_io");
            e.HasKey(x => x.TaskId);
        });
        modelBuilder.Entity<ExternalWatermarkRow>(e =>
        {
            e.ToTable("external_trigger_watermarks");
            e.HasKey(x => x.ScheduleId);
            e.Property(x => x.ScheduleId).ValueGeneratedNever();
        });
    }
}
