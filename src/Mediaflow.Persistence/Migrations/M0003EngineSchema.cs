using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>Orchestrations, templates, tasks, node runs and attempts, the notification outbox, usage and checkpoints.</summary>
[Migration(3, "engine")]
public sealed class M0003EngineSchema : Migration
{
    public override void Up()
    {
        Create.Table("schedules")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Name").AsString(128).NotNullable()
            .WithColumn("Status").AsString(16).NotNullable()
            .WithColumn("Version").AsInt32().NotNullable()
            .WithColumn("DefinitionJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("TriggerBucket").AsString(255).NotNullable()
            .WithColumn("TriggerRegion").AsString(64).NotNullable()
            .WithColumn("EnabledAfterSequence").AsInt64().NotNullable()
            .WithColumn("CreateTime").AsInt64().NotNullable()
            .WithColumn("UpdateTime").AsInt64().NotNullable();
        Create.Index("ux_schedules_app_name").OnTable("schedules").OnColumn("AppId").Ascending().OnColumn("Name").Ascending().WithOptions().Unique();
        Create.Index("ix_schedules_trigger").OnTable("schedules").OnColumn("TriggerBucket").Ascending().OnColumn("Status").Ascending();

        Create.Table("templates")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Family").AsString(64).NotNullable()
            .WithColumn("Definition").AsInt64().NotNullable()
            .WithColumn("Name").AsString(128).NotNullable()
            .WithColumn("BodyJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreateTime").AsInt64().NotNullable()
            .WithColumn("UpdateTime").AsInt64().NotNullable();
        Create.Index("ux_templates_family_definition").OnTable("templates").OnColumn("Family").Ascending().OnColumn("Definition").Ascending().WithOptions().Unique();

        Create.Table("tasks")
            .WithColumn("TaskId").AsString(128).PrimaryKey()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("ScheduleId").AsInt64().NotNullable()
            .WithColumn("ScheduleVersion").AsInt32().NotNullable()
            .WithColumn("TaskType").AsString(32).NotNullable()
            .WithColumn("Status").AsString(16).NotNullable()
            .WithColumn("IdempotencyKey").AsString(2048).Nullable()
            .WithColumn("ActivitiesJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("TemplatesJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("InputInfoJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("InputBucket").AsString(255).NotNullable()
            .WithColumn("InputRegion").AsString(64).NotNullable()
            .WithColumn("InputKey").AsString(1024).NotNullable()
            .WithColumn("InputBlobId").AsString(128).NotNullable()
            .WithColumn("InputETag").AsString(128).NotNullable()
            .WithColumn("InputLineageDepth").AsInt32().NotNullable()
            .WithColumn("OutputBucket").AsString(255).NotNullable()
            .WithColumn("OutputRegion").AsString(64).NotNullable()
            .WithColumn("OutputDir").AsString(1024).NotNullable()
            .WithColumn("NotifyJson").AsString(int.MaxValue).Nullable()
            .WithColumn("SessionId").AsString(64).NotNullable()
            .WithColumn("SessionContext").AsString(2048).NotNullable()
            .WithColumn("ResourceId").AsString(256).NotNullable()
            .WithColumn("Priority").AsInt32().NotNullable()
            .WithColumn("ErrCode").AsInt32().NotNullable()
            .WithColumn("Message").AsString(int.MaxValue).NotNullable()
            .WithColumn("MetaDataJson").AsString(int.MaxValue).Nullable()
            .WithColumn("Revision").AsInt32().NotNullable()
            .WithColumn("CreateTime").AsInt64().NotNullable()
            .WithColumn("BeginProcessTime").AsInt64().Nullable()
            .WithColumn("FinishTime").AsInt64().Nullable();
        Create.Index("ux_tasks_idempotency").OnTable("tasks").OnColumn("IdempotencyKey").Ascending().WithOptions().Unique();
        Create.Index("ix_tasks_app_status_created").OnTable("tasks").OnColumn("AppId").Ascending().OnColumn("Status").Ascending().OnColumn("CreateTime").Ascending();

        Create.Table("node_runs")
            .WithColumn("TaskId").AsString(128).NotNullable().PrimaryKey()
            .WithColumn("NodeIndex").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("ActivityType").AsString(64).NotNullable()
            .WithColumn("Status").AsString(16).NotNullable()
            .WithColumn("ErrCodeExt").AsString(128).NotNullable()
            .WithColumn("ErrCode").AsInt32().NotNullable()
            .WithColumn("Message").AsString(int.MaxValue).NotNullable()
            .WithColumn("Progress").AsInt32().NotNullable()
            .WithColumn("InputJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("OutputJson").AsString(int.MaxValue).Nullable()
            .WithColumn("Attempts").AsInt32().NotNullable()
            .WithColumn("FailedAttempts").AsInt32().NotNullable()
            .WithColumn("OutputBlobId").AsString(128).Nullable()
            .WithColumn("BeginProcessTime").AsInt64().Nullable()
            .WithColumn("FinishTime").AsInt64().Nullable();

        Create.Table("node_attempts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TaskId").AsString(128).NotNullable()
            .WithColumn("NodeIndex").AsInt32().NotNullable()
            .WithColumn("Attempt").AsInt32().NotNullable()
            .WithColumn("Outcome").AsString(32).NotNullable()
            .WithColumn("ErrCodeExt").AsString(128).NotNullable()
            .WithColumn("CommandLine").AsString(int.MaxValue).NotNullable()
            .WithColumn("LogTail").AsString(int.MaxValue).NotNullable()
            .WithColumn("StartedAt").AsInt64().NotNullable()
            .WithColumn("FinishedAt").AsInt64().Nullable();
        Create.Index("ix_node_attempts_task").OnTable("node_attempts").OnColumn("TaskId").Ascending().OnColumn("NodeIndex").Ascending();

        Create.Table("notifications")
            .WithColumn("EventId").AsString(64).PrimaryKey()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("TaskId").AsString(128).NotNullable()
            .WithColumn("Sequence").AsInt64().NotNullable()
            .WithColumn("NotifyType").AsString(32).NotNullable()
            .WithColumn("Target").AsString(2048).NotNullable()
            .WithColumn("NotifyKey").AsString(256).NotNullable()
            .WithColumn("BodyJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("Status").AsString(16).NotNullable()
            .WithColumn("Attempts").AsInt32().NotNullable()
            .WithColumn("LastError").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreatedAt").AsInt64().NotNullable()
            .WithColumn("NextAttemptAt").AsInt64().Nullable()
            .WithColumn("DeliveredAt").AsInt64().Nullable();
        Create.Index("ix_notifications_task").OnTable("notifications").OnColumn("TaskId").Ascending().OnColumn("Sequence").Ascending();

        Create.Table("usage_records")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("TaskId").AsString(128).NotNullable()
            .WithColumn("NodeIndex").AsInt32().NotNullable()
            .WithColumn("ScheduleId").AsInt64().NotNullable()
            .WithColumn("ResourceId").AsString(256).NotNullable()
            .WithColumn("NodeType").AsString(64).NotNullable()
            .WithColumn("OutputSeconds").AsDouble().NotNullable()
            .WithColumn("Band").AsString(8).NotNullable()
            .WithColumn("RecordedAt").AsInt64().NotNullable();

        Create.Table("checkpoints")
            .WithColumn("Name").AsString(64).PrimaryKey()
            .WithColumn("Position").AsInt64().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "checkpoints", "usage_records", "notifications", "node_attempts", "node_runs", "tasks", "templates", "schedules" })
        {
            Delete.Table(table);
        }
    }
}
