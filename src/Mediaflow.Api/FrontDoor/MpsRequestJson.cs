using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Api.FrontDoor;

/// <summary>The action parameters as one JSON object: the POST body, or the flattened GET query rebuilt into a tree.</summary>
public static class MpsRequestJson
{
    /// <summary>An empty POST body means no parameters (<c>{}</c>); anything else must be syntactically valid JSON.</summary>
    public static JsonElement FromBody(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return EmptyObject();
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, "The request body is not valid JSON.");
        }
    }

    /// <summary>
    /// The GET transport (reference/mps-api.md §1.1): <c>ScheduleIds.0=1&amp;Trigger.Type=CosFileUpload</c> →
    /// <c>{"ScheduleIds":["1"],"Trigger":{"Type":"CosFileUpload"}}</c>. Every leaf is a string (numbers are read from
    /// strings by <see cref="MpsJson.Options"/>); a level whose keys are all indexes becomes an array. Booleans are not
    /// converted (no MPS request the SDK sends by GET needs one).
    /// </summary>
    public static JsonElement FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            Insert(root, name, name.Split('.'), values.ToString());
        }

        return JsonSerializer.SerializeToElement(ToNode(root));
    }

    private static void Insert(SortedDictionary<string, object> root, string name, string[] path, string value)
    {
        var level = root;
        for (var i = 0; i < path.Length; i++)
        {
            var segment = path[i];
            if (segment.Length == 0)
            {
                throw Conflict(name);
            }

            if (i == path.Length - 1)
            {
                if (!level.TryAdd(segment, value))
                {
                    throw Conflict(name);
                }

                return;
            }

            if (!level.TryGetValue(segment, out var next))
            {
                next = new SortedDictionary<string, object>(StringComparer.Ordinal);
                level[segment] = next;
            }

            level = next as SortedDictionary<string, object> ?? throw Conflict(name);
        }
    }

    private static JsonNode? ToNode(object value)
    {
        if (value is string text)
        {
            return JsonValue.Create(text);
        }

        var level = (SortedDictionary<string, object>)value;
        if (level.Count > 0 && level.Keys.All(IsIndex))
        {
            var array = new JsonArray();
            foreach (var item in level.OrderBy(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)))
            {
                array.Add(ToNode(item.Value));
            }

            return array;
        }

        var node = new JsonObject();
        foreach (var (key, item) in level)
        {
            node[key] = ToNode(item);
        }

        return node;
    }

    private static bool IsIndex(string key) => key.Length is > 0 and <= 6 && key.All(char.IsAsciiDigit);

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private static ApiException Conflict(string name) => new(ApiErrorCodes.InvalidParameter, $"Query parameter {name} conflicts with another parameter.");
}
