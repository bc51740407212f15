using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Bench.Raw;

/// <summary>
/// The loopback HTTP ceiling for S1: a bare Kestrel on 127.0.0.1 with no store behind it. <c>GET /file</c> sends the
/// source file (<c>SendFileAsync</c>, page cache); <c>PUT /discard</c> reads the body and drops it; <c>PUT /md5</c>
/// reads it and MD5-hashes it. curl against these shows what the client, the TCP stack and Kestrel alone allow, so
/// the store's S1 figures can be read against them. Prints one JSON line with the base URL, then serves until stdin
/// closes.
/// </summary>
internal static class HttpCeiling
{
    public static async Task<int> Run(string file)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(System.Net.IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null;
        });
        await using var app = builder.Build();
        app.MapGet("/file", (HttpContext context) => context.Response.SendFileAsync(file));
        app.MapPut("/discard", async (HttpContext context) => Results.Text((await Drain(context.Request, null)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        app.MapPut("/md5", async (HttpContext context) =>
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            await Drain(context.Request, md5);
            return Results.Text(Convert.ToHexStringLower(md5.GetHashAndReset()));
        });
        await app.StartAsync();
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = app.Urls.First() }));
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static async Task<long> Drain(HttpRequest request, IncrementalHash? md5)
    {
        long total = 0;
        while (true)
        {
            var result = await request.BodyReader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                md5?.AppendData(segment.Span);
            }

            total += result.Buffer.Length;
            request.BodyReader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return total;
            }
        }
    }
}
