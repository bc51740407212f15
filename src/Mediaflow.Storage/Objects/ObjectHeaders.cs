using System.Text.Json;

namespace Mediaflow.Storage.Objects;

/// <summary>
/// The standard headers an object keeps from its PUT (or multipart initiate, or a REPLACE copy) and serves back on
/// GET/HEAD: Content-Encoding, Content-Disposition, Cache-Control, Content-Language, Expires. Stored as JSON.
/// </summary>
internal static class ObjectHeaders
{
    public static readonly IReadOnlyList<string> Names = ["Content-Encoding", "Content-Disposition", "Cache-Control", "Content-Language", "Expires"];

    private static readonly Dictionary<string, string> Empty = [];

    public static string? ToJson(IReadOnlyDictionary<string, string> headers) =>
        headers.Count == 0 ? null : JsonSerializer.Serialize(headers);

    public static IReadOnlyDictionary<string, string> FromJson(string? json) =>
        json is null ? Empty : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? Empty;

    /// <summary>The standard headers present on a request, by their canonical names.</summary>
    public static Dictionary<string, string> From(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            if (header(name) is { Length: > 0 } value)
            {
                headers[name] = value;
            }
        }

        return headers;
    }
}
