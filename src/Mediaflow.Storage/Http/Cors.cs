using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http;

/// <summary>
/// CORS for browser uploads and players: any origin may call, because every request is still signed (a page without a
/// key gets AccessDenied). Preflights are answered without authentication, as S3 does.
/// </summary>
internal static class Cors
{
    private const string ExposedHeaders = "ETag, Content-Length, Content-Range, Accept-Ranges, Last-Modified, x-amz-request-id, x-cos-request-id, x-amz-version-id";

    /// <summary>Adds the response headers for a cross-origin request; true when the request was a preflight and is answered.</summary>
    public static bool Apply(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = "Origin";
        headers.AccessControlExposeHeaders = ExposedHeaders;
        if (!HttpMethods.IsOptions(http.Request.Method))
        {
            return false;
        }

        headers.AccessControlAllowMethods = "GET, HEAD, PUT, POST, DELETE";
        var requested = http.Request.Headers.AccessControlRequestHeaders.ToString();
        headers.AccessControlAllowHeaders = string.IsNullOrEmpty(requested) ? "*" : requested;
        headers.AccessControlMaxAge = "3600";
        http.Response.StatusCode = StatusCodes.Status200OK;
        return true;
    }
}
