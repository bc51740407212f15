using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// Notification delivery (issue 6): the outbox row learns its orchestration, routing key and retry window; every
/// delivery attempt is logged; each account gets a Standard Webhooks signing secret; a 410 disables an endpoint.
/// </summary>
[Migration(4, "notifications")]
public sealed class M0004Notifications : Migration
{
    public override void Up()
    {
        Alter.Table("notifications")
            .AddColumn("ScheduleId").AsInt64().NotNullable().WithDefaultValue(0)
            .AddColumn("RoutingKey").AsString(512).NotNullable().WithDefaultValue("")
            .AddColumn("RetryWindowStart").AsInt64().Nullable();
        Create.Index("ix_notifications_app").OnTable("notifications").OnColumn("AppId").Ascending().OnColumn("CreatedAt").Ascending();

        Create.Table("notification_attempts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("EventId").AsString(64).NotNullable()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Attempt").AsInt32().NotNullable()
            .WithColumn("Target").AsString(2048).NotNullable()
            .WithColumn("AttemptedAt").AsInt64().NotNullable()
            .WithColumn("LatencyMs").AsInt64().NotNullable()
            .WithColumn("Outcome").AsString(16).NotNullable()
            .WithColumn("HttpStatus").AsInt32().Nullable()
            .WithColumn("Error").AsString(int.MaxValue).NotNullable();
        Create.Index("ix_notification_attempts_event").OnTable("notification_attempts").OnColumn("EventId").Ascending().OnColumn("Attempt").Ascending();

        Create.Table("notification_secrets")
            .WithColumn("AppId").AsInt64().PrimaryKey()
            .WithColumn("Secret").AsString(128).NotNullable()
            .WithColumn("CreatedAt").AsInt64().NotNullable();

        Create.Table("notification_disabled_targets")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("ScheduleId").AsInt64().NotNullable()
            .WithColumn("ScheduleVersion").AsInt32().NotNullable()
            .WithColumn("Target").AsString(2048).NotNullable()
            .WithColumn("EventId").AsString(64).NotNullable()
            .WithColumn("DisabledAt").AsInt64().NotNullable();
        Create.Index("ux_notification_disabled_targets").OnTable("notification_disabled_targets")
            .OnColumn("AppId").Ascending().OnColumn("ScheduleId").Ascending().OnColumn("Target").Ascending().WithOptions().Unique();
    }

    public override void Down()
    {
        Delete.Table("notification_disabled_targets");
        Delete.Table("notification_secrets");
        Delete.Table("notification_attempts");
        Delete.Index("ix_notifications_app").OnTable("notifications");
        Delete.Column("RetryWindowStart").FromTable("notifications");
        Delete.Column("RoutingKey").FromTable("notifications");
        Delete.Column("ScheduleId").FromTable("notifications");
    }
}
