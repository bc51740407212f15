using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// Console users (DESIGN §7.2 <c>mediaflow users create</c>): a name unique within its account and a salted PBKDF2 hash
/// of the password. Sessions are stored by migration 11 (console_sessions).
/// </summary>
[Migration(12, "console users")]
public sealed class M0012ConsoleUsers : Migration
{
    public override void Up()
    {
        Create.Table("console_users")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Name").AsString(64).NotNullable()
            .WithColumn("PasswordHash").AsString(256).NotNullable()
            .WithColumn("CreatedAt").AsInt64().NotNullable();
        Create.Index("ux_console_users_app_name").OnTable("console_users")
            .OnColumn("AppId").Ascending().OnColumn("Name").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("console_users");
}
