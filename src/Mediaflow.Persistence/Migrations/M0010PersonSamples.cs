using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>Media AI: the account-scoped person samples face recognition is trained on (docs/media-ai.md).</summary>
[Migration(10, "person samples")]
public sealed class M0010PersonSamples : Migration
{
    public override void Up()
    {
        Create.Table("person_samples")
            .WithColumn("PersonId").AsString(64).PrimaryKey()
            .WithColumn("AppId").AsInt64().NotNullable().Indexed("IX_person_samples_AppId")
            .WithColumn("Name").AsString(128).NotNullable()
            .WithColumn("Description").AsString(2048).NotNullable()
            .WithColumn("TagsJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("UsagesJson").AsString(1024).NotNullable()
            .WithColumn("FacesJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreateTime").AsInt64().NotNullable()
            .WithColumn("UpdateTime").AsInt64().NotNullable();
    }

    public override void Down() => Delete.Table("person_samples");
}
