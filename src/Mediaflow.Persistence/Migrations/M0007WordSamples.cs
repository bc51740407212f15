using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>Media AI: the account-scoped keyword libraries content review and recognition match against (docs/media-ai-review.md).</summary>
[Migration(7, "word samples")]
public sealed class M0007WordSamples : Migration
{
    public override void Up()
    {
        Create.Table("word_samples")
            .WithColumn("AppId").AsInt64().NotNullable().PrimaryKey()
            .WithColumn("Keyword").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("TagsJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("UsagesJson").AsString(1024).NotNullable()
            .WithColumn("CreateTime").AsInt64().NotNullable()
            .WithColumn("UpdateTime").AsInt64().NotNullable();
    }

    public override void Down() => Delete.Table("word_samples");
}
