using System.Text.Json;

namespace Mediaflow.Storage.Objects;

/// <summary>User metadata as stored in the <c>MetadataJson</c> column.</summary>
internal static class ObjectMetadata
{
    private static readonly Dictionary<string, string> Empty = [];

    public static string? ToJson(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Count == 0 ? null : JsonSerializer.Serialize(metadata);

    public static IReadOnlyDictionary<string, string> FromJson(string? json) =>
        json is null ? Empty : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? Empty;
}
