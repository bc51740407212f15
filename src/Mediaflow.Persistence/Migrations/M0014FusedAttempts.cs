using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// Sibling fusion: an attempt run inside another node's shared ffmpeg process records the node that leads the group
/// (<c>FusedLeader</c>, which owns the attempt until it records the result) and the other members (<c>FusedWith</c>,
/// comma-separated node indexes). Both are null/empty for an attempt that ran alone.
/// </summary>
[Migration(14, "fused attempts")]
public sealed class M0014FusedAttempts : Migration
{
    public override void Up()
    {
        Alter.Table("node_attempts").AddColumn("FusedLeader").AsInt32().Nullable();
        Alter.Table("node_attempts").AddColumn("FusedWith").AsString(512).NotNullable().WithDefaultValue("");
    }

    public override void Down()
    {
        Delete.Column("FusedLeader").FromTable("node_attempts");
        Delete.Column("FusedWith").FromTable("node_attempts");
    }
}
