using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// The embedded object store: buckets, the current version of each key, multipart uploads and their parts, and the
/// "object created" event log that drives triggers. Every row carries its account (AppId). Times are unix
/// milliseconds (Int64) so one migration renders the same, orderable column on SQLite and PostgreSQL.
/// </summary>
[Migration(2, "storage")]
public sealed class M0002StorageSchema : Migration
{
    public override void Up()
    {
        Create.Table("buckets")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable().Indexed("ix_buckets_appid")
            .WithColumn("Name").AsString(63).NotNullable().Unique("ux_buckets_name")
            .WithColumn("Region").AsString(64).NotNullable()
            .WithColumn("CreatedAt").AsInt64().NotNullable();

        Create.Table("objects")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Bucket").AsString(63).NotNullable()
            .WithColumn("Key").AsString(int.MaxValue).NotNullable()
            .WithColumn("BlobId").AsString(64).NotNullable()
            .WithColumn("ETag").AsString(64).NotNullable()
            .WithColumn("Size").AsInt64().NotNullable()
            .WithColumn("ContentType").AsString(256).NotNullable()
            .WithColumn("MetadataJson").AsString(int.MaxValue).Nullable()
            .WithColumn("LastModified").AsInt64().NotNullable()
            .WithColumn("LineageTaskId").AsString(128).Nullable()
            .WithColumn("LineageScheduleId").AsInt64().Nullable()
            .WithColumn("LineageDepth").AsInt32().NotNullable().WithDefaultValue(0);
        Create.Index("ux_objects_bucket_key").OnTable("objects")
            .OnColumn("Bucket").Ascending().OnColumn("Key").Ascending().WithOptions().Unique();

        // Listing order is S3's byte order of keys: SQLite's BINARY collation gives it; PostgreSQL needs "C".
        // (FluentMigrator names the processor "PostgreSQL15_0" with alias "PostgreSQL"; "Postgres" would not match.)
        IfDatabase(type => type.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase)).Execute.Sql("ALTER TABLE objects ALTER COLUMN \"Key\" TYPE text COLLATE \"C\";");

        Create.Table("object_events")
            .WithColumn("Sequence").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Bucket").AsString(63).NotNullable()
            .WithColumn("Region").AsString(64).NotNullable()
            .WithColumn("Key").AsString(int.MaxValue).NotNullable()
            .WithColumn("BlobId").AsString(64).NotNullable()
            .WithColumn("ETag").AsString(64).NotNullable()
            .WithColumn("Size").AsInt64().NotNullable()
            .WithColumn("CommittedAt").AsInt64().NotNullable()
            .WithColumn("LineageTaskId").AsString(128).Nullable()
            .WithColumn("LineageScheduleId").AsInt64().Nullable()
            .WithColumn("LineageDepth").AsInt32().NotNullable().WithDefaultValue(0);

        Create.Table("multipart_uploads")
            .WithColumn("UploadId").AsString(64).PrimaryKey()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("Bucket").AsString(63).NotNullable().Indexed("ix_multipart_uploads_bucket")
            .WithColumn("Key").AsString(int.MaxValue).NotNullable()
            .WithColumn("ContentType").AsString(256).NotNullable()
            .WithColumn("MetadataJson").AsString(int.MaxValue).Nullable()
            .WithColumn("InitiatedAt").AsInt64().NotNullable();

        Create.Table("multipart_parts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AppId").AsInt64().NotNullable()
            .WithColumn("UploadId").AsString(64).NotNullable()
            .WithColumn("PartNumber").AsInt32().NotNullable()
            .WithColumn("BlobId").AsString(64).NotNullable()
            .WithColumn("ETag").AsString(64).NotNullable()
            .WithColumn("Size").AsInt64().NotNullable()
            .WithColumn("LastModified").AsInt64().NotNullable();
        Create.Index("ux_multipart_parts_upload_part").OnTable("multipart_parts")
            .OnColumn("UploadId").Ascending().OnColumn("PartNumber").Ascending().WithOptions().Unique();
    }

    public override void Down()
    {
        Delete.Table("multipart_parts");
        Delete.Table("multipart_uploads");
        Delete.Table("object_events");
        Delete.Table("objects");
        Delete.Table("buckets");
    }
}
