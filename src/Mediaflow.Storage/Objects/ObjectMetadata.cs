using System.Text;
using System.Text.Json;

namespace Mediaflow.Storage.Objects;

/// <summary>User metadata as stored in the <c>MetadataJson</c> column.</summary>
internal static class ObjectMetadata
{
    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>S3's limit on user metadata: the UTF-8 bytes of every name and value together.</summary>
    public const int MaxBytes = 2048;

    /// <summary>Throws MetadataTooLarge when the names and values together exceed 2 KB.</summary>
    public static void Validate(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var bytes = metadata.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + Encoding.UTF8.GetByteCount(p.Value));
        if (bytes > MaxBytes)
        {
            throw new StorageException(StorageErrorCode.MetadataTooLarge, $"Your metadata headers exceed the maximum allowed metadata size ({bytes} of {MaxBytes} bytes).");
        }
    }

    public static string? ToJson(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Count == 0 ? null : JsonSerializer.Serialize(metadata);

    public static IReadOnlyDictionary<string, string> FromJson(string? json) =>
        json is null ? Empty : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? Empty;
}
