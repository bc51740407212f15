using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// Console sessions (docs/console.md): they survive a restart. The row holds the SHA-256 of the session token (the
/// cookie value itself is never stored), the account and principal it acts as, its CSRF token and two expiry times:
/// <c>ExpiresAt</c> slides with use (idle timeout) and never passes <c>AbsoluteExpiresAt</c> (set at sign-in).
/// </summary>
[Migration(11, "console sessions")]
public sealed class M0011ConsoleSessions : Migration
{
    public override void Up()
    {
        Create.Table("console_sessions")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TokenHash").AsString(64).NotNullable()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Principal").AsString(128).NotNullable()
            .WithColumn("CsrfToken").AsString(64).NotNullable()
            .WithColumn("CreatedAt").AsInt64().NotNullable()
            .WithColumn("LastSeenAt").AsInt64().NotNullable()
            .WithColumn("ExpiresAt").AsInt64().NotNullable()
            .WithColumn("AbsoluteExpiresAt").AsInt64().NotNullable();
        Create.Index("ux_console_sessions_token").OnTable("console_sessions")
            .OnColumn("TokenHash").Ascending().WithOptions().Unique();
        Create.Index("ix_console_sessions_expires").OnTable("console_sessions")
            .OnColumn("ExpiresAt").Ascending();
    }

    public override void Down() => Delete.Table("console_sessions");
}
