using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Mediaflow.WebConsole.Endpoints;

/// <summary>
/// Serves the built console (<see cref="ConsoleOptions.ResolveRoot"/>) under <c>/console/</c>: files as they are
/// (hashed <c>assets/</c> cached for a year), every other path gets <c>index.html</c> (the single-page app routes).
/// Without a build, every page says how to make one.
/// </summary>
public sealed class StaticConsole(string? root)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public string? Root => root;

    public async Task ServeAsync(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (root is null)
        {
            await NotBuiltAsync(context);
            return;
        }

        var file = Resolve(path ?? "");
        var isIndex = file is null;
        file ??= Path.Combine(root, "index.html");
        if (!ContentTypes.TryGetContentType(file, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        context.Response.Headers.CacheControl = isIndex || !file.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "no-cache"
            : "public, max-age=31536000, immutable";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (isIndex)
        {
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        }

        await Results.File(file, contentType).ExecuteAsync(context);
    }

    /// <summary>A file under the root for a request path, or null (then the app's index.html answers).</summary>
    private string? Resolve(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root!, path));
        return full.StartsWith(root! + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    private static async Task NotBuiltAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var message = WebUtility.HtmlEncode("The web console is not built. From the repository: (cd console && npm ci && npm run build), then reload; "
            + "or point configuration Console:Root (env MEDIAFLOW__Console__Root) at a directory holding the built index.html.");
        await context.Response.WriteAsync($"<!doctype html><html><head><title>Mediaflow console not built</title></head><body><h1>Mediaflow console not built</h1><p>{message}</p></body></html>", context.RequestAborted);
    }
}
