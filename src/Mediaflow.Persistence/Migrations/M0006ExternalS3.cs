using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>External S3 (DESIGN §7.7): the external source and output of a task, and each external trigger's list watermark.</summary>
[Migration(6, "external-s3")]
public sealed class M0006ExternalS3 : Migration
{
    public override void Up()
    {
        Create.Table("external_task_io")
            .WithColumn("TaskId").AsString(128).PrimaryKey()
            .WithColumn("SourceRegion").AsString(64).NotNullable()
            .WithColumn("SourceBucket").AsString(255).NotNullable()
            .WithColumn("SourceKey").AsString(1024).NotNullable()
            .WithColumn("SourceETag").AsString(128).NotNullable()
            .WithColumn("SourceSecretId").AsString(256).NotNullable()
            .WithColumn("SourceSecretKey").AsString(256).NotNullable()
            .WithColumn("OutputRegion").AsString(64).Nullable()
            .WithColumn("OutputBucket").AsString(255).Nullable()
            .WithColumn("OutputSecretId").AsString(256).Nullable()
            .WithColumn("OutputSecretKey").AsString(256).Nullable();

        Create.Table("external_trigger_watermarks")
            .WithColumn("ScheduleId").AsInt64().PrimaryKey()
            .WithColumn("EnabledAt").AsInt64().NotNullable()
            .WithColumn("Watermark").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("external_trigger_watermarks");
        Delete.Table("external_task_io");
    }
}
