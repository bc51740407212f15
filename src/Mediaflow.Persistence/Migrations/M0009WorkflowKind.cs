using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>Legacy workflows share the schedules table (and its trigger index); <c>Kind</c> tells them apart.</summary>
[Migration(9, "workflow kind")]
public sealed class M0009WorkflowKind : Migration
{
    public override void Up() =>
        Alter.Table("schedules").AddColumn("Kind").AsString(16).NotNullable().WithDefaultValue("Schedule");

    public override void Down() => Delete.Column("Kind").FromTable("schedules");
}
