namespace Mediaflow.Persistence.Storage;

/// <summary>A bucket; <see cref="Name"/> is unique on the server, <see cref="Region"/> is fixed at creation.</summary>
public sealed class BucketRow
{
    public long Id { get; set; }

    public long AppId { get; set; }

    public required string Name { get; set; }

    public required string Region { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
