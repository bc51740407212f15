using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Api.FrontDoor;

/// <summary>
/// Writes the MPS envelope: always HTTP 200 and <c>Content-Type: application/json</c> exactly — with a charset the
/// Python SDK no longer recognises errors (reference/mps-api.md §1.2), so the header is set by hand, never via Results.Json.
/// </summary>
public static class MpsResponseWriter
{
    public const string ContentType = "application/json";

    /// <summary><c>{"Response":{…fields of result…,"RequestId":"…"}}</c>. Throws when the result is not a JSON object.</summary>
    public static byte[] Result(object result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var response = JsonSerializer.SerializeToNode(result, result.GetType(), MpsJson.Options) as JsonObject
            ?? throw new InvalidOperationException($"An MPS action answered {result.GetType().Name}, which is not a JSON object.");
        response["RequestId"] = requestId;
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["Response"] = response }, MpsJson.Options);
    }

    /// <summary><c>{"Response":{"Error":{"Code":"…","Message":"…"},"RequestId":"…"}}</c>.</summary>
    public static byte[] Error(MpsError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Response");
            writer.WriteStartObject("Error");
            writer.WriteString("Code", error.Code);
            writer.WriteString("Message", error.Message);
            writer.WriteEndObject();
            writer.WriteString("RequestId", requestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static async Task WriteAsync(HttpResponse response, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(body);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
