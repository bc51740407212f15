using Mediaflow.Storage.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mediaflow.Storage.Http;

/// <summary>
/// What a store request addresses, parsed from the raw request target (never from ASP.NET's normalized path: a key
/// may contain <c>..</c> or <c>//</c>) and the Host header.
/// </summary>
internal sealed class StoreRequest
{
    private StoreRequest(HttpRequest http, Addressing addressing, string path, List<KeyValuePair<string, string>> query, string? bucket, string? key, string? hostRegion)
    {
        Http = http;
        Addressing = addressing;
        DecodedPath = path;
        Query = query;
        Bucket = bucket;
        Key = key;
        HostRegion = hostRegion;
    }

    public HttpRequest Http { get; }

    public Addressing Addressing { get; }

    /// <summary>The whole decoded path as signed (<c>/bucket/key</c> path-style, <c>/key</c> virtual-host).</summary>
    public string DecodedPath { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public string? Bucket { get; }

    public string? Key { get; }

    /// <summary>The region named by a COS Host, or null.</summary>
    public string? HostRegion { get; }

    public string Method => Http.Method;

    public bool Has(string name) => Query.Any(p => p.Key == name);

    public string? Get(string name) => Query.FirstOrDefault(p => p.Key == name).Value;

    public string? Header(string name) => Http.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public SignedRequest ToSigned() => new(Method, DecodedPath, Query, Header);

    public static StoreRequest Parse(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var questionMark = raw.IndexOf('?', StringComparison.Ordinal);
        var rawPath = questionMark < 0 ? raw : raw[..questionMark];
        var rawQuery = questionMark < 0 ? string.Empty : raw[(questionMark + 1)..];
        var path = PathDecoder.Decode(rawPath.Length == 0 ? "/" : rawPath);
        var query = ParseQuery(rawQuery);

        var host = context.Request.Host.Host.ToLowerInvariant();
        var labels = host.Split('.');
        // service.cos.myqcloud.com is COS's service endpoint (GET Service), not a bucket named "service".
        var cosService = labels.Length == 4 && labels[0] == "service" && labels[2] == "myqcloud";
        if (labels.Length >= 4 && labels[1] == "cos" && labels[0].Length > 0 && !cosService)
        {
            var key = path.Length > 1 ? path[1..] : null;
            return new StoreRequest(context.Request, Addressing.CosVirtualHost, path, query, labels[0], key, labels[2]);
        }

        var trimmed = path.TrimStart('/');
        if (trimmed.Length == 0)
        {
            return new StoreRequest(context.Request, Addressing.PathStyle, path, query, null, null, null);
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || slash == trimmed.Length - 1
            ? new StoreRequest(context.Request, Addressing.PathStyle, path, query, trimmed.TrimEnd('/'), null, null)
            : new StoreRequest(context.Request, Addressing.PathStyle, path, query, trimmed[..slash], trimmed[(slash + 1)..], null);
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(KeyValuePair.Create(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }
}
