using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>Schema version table marker; each area adds its tables in its own numbered migration.</summary>
[Migration(1, "baseline")]
public sealed class M0001Baseline : Migration
{
    public override void Up() => Create.Table("schema_info").WithColumn("Name").AsString(64).PrimaryKey().WithColumn("Value").AsString(256).NotNullable();

    public override void Down() => Delete.Table("schema_info");
}
