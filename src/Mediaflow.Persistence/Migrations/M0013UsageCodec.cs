using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// Usage records keep the output's video codec (ffprobe name, e.g. <c>h264</c>; "" for audio-only, images and records
/// written before this migration), so DescribeUsageData can file transcodes under the spec's <c>Standard.{CODEC}.{band}</c>.
/// </summary>
[Migration(13, "usage codec")]
public sealed class M0013UsageCodec : Migration
{
    public override void Up() => Alter.Table("usage_records").AddColumn("Codec").AsString(32).NotNullable().WithDefaultValue("");

    public override void Down() => Delete.Column("Codec").FromTable("usage_records");
}
