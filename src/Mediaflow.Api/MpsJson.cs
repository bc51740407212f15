using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Api;

/// <summary>The one set of JSON options for the MPS wire format (reference/mps-api.md §16 "C# implementation notes").</summary>
public static class MpsJson
{
    /// <summary>
    /// PascalCase names exactly as declared, nulls omitted, unknown request fields ignored (newer SDKs add fields),
    /// enums as strings. Numbers may also be read from strings: the GET transport flattens every value into the query.
    /// Wire DTOs use <c>long</c> for integers (64-bit IDs) and <c>double</c> for fractions. Read-only; share it.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
