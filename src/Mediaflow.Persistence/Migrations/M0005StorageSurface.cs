using FluentMigrator;

namespace Mediaflow.Persistence.Migrations;

/// <summary>
/// The full S3 surface of the store: objects and multipart uploads keep their standard headers (Content-Encoding,
/// Content-Disposition, Cache-Control, Content-Language, Expires) as JSON, and blobs that nothing references any more
/// (overwritten or deleted objects, parts of finished, aborted or expired uploads, orphans found at start) are queued
/// in <c>blob_garbage</c> with the time they became unreferenced, for the collector to delete after a grace period.
/// </summary>
[Migration(5, "storage surface")]
public sealed class M0005StorageSurface : Migration
{
    public override void Up()
    {
        Alter.Table("objects").AddColumn("HeadersJson").AsString(int.MaxValue).Nullable();
        Alter.Table("multipart_uploads").AddColumn("HeadersJson").AsString(int.MaxValue).Nullable();
        Create.Index("ix_multipart_uploads_initiatedat").OnTable("multipart_uploads").OnColumn("InitiatedAt").Ascending();
        Create.Index("ix_objects_blobid").OnTable("objects").OnColumn("BlobId").Ascending();
        Create.Index("ix_multipart_parts_blobid").OnTable("multipart_parts").OnColumn("BlobId").Ascending();

        Create.Table("blob_garbage")
            .WithColumn("BlobId").AsString(64).PrimaryKey()
            .WithColumn("UnreferencedAt").AsInt64().NotNullable().Indexed("ix_blob_garbage_unreferencedat");
    }

    public override void Down()
    {
        Delete.Table("blob_garbage");
        Delete.Index("ix_multipart_parts_blobid").OnTable("multipart_parts");
        Delete.Index("ix_objects_blobid").OnTable("objects");
        Delete.Index("ix_multipart_uploads_initiatedat").OnTable("multipart_uploads");
        Delete.Column("HeadersJson").FromTable("multipart_uploads");
        Delete.Column("HeadersJson").FromTable("objects");
    }
}
