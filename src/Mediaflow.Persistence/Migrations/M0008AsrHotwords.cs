using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>Media AI: the account-scoped ASR hot-word libraries smart subtitles apply (docs/media-ai-subtitles.md).</summary>
[Migration(8, "asr hot words")]
public sealed class M0008AsrHotwords : Migration
{
    public override void Up()
    {
        Create.Table("asr_hotwords")
            .WithColumn("HotwordsId").AsString(64).PrimaryKey()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Name").AsString(128).NotNullable()
            .WithColumn("Type").AsInt32().NotNullable()
            .WithColumn("Content").AsString(int.MaxValue).NotNullable()
            .WithColumn("FileName").AsString(256).NotNullable()
            .WithColumn("WordCount").AsInt32().NotNullable()
            .WithColumn("CreateTime").AsInt64().NotNullable()
            .WithColumn("UpdateTime").AsInt64().NotNullable();
        Create.Index("IX_asr_hotwords_AppId_Name").OnTable("asr_hotwords").OnColumn("AppId").Ascending().OnColumn("Name").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("asr_hotwords");
}
