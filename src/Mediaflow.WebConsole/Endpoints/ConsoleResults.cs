using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.WebConsole.Endpoints;

/// <summary>The console's own JSON answers (sessions, buckets): PascalCase like the MPS wire, errors as <c>{"Error":{Code,Message}}</c>.</summary>
public static class ConsoleResults
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = true };

    public static async Task JsonAsync(HttpContext context, object value, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, value.GetType(), Json, context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        JsonAsync(context, new { Error = new { Code = code, Message = message } }, status);

    public static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
