using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Server.Tests.Support;

/// <summary>A webhook receiver on 127.0.0.1:0: records each POST (headers and raw body) and answers the scripted status.</summary>
public sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Hook> received = new();
    private readonly Func<int, int> statusForRequest;
    private int count;

    private HookReceiver(Func<int, int> statusForRequest)
    {
        this.statusForRequest = statusForRequest;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{**path}", async context =>
        {
            var number = Interlocked.Increment(ref count);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = statusForRequest(number);
            var headers = context.Request.Headers;
            received.Enqueue(new Hook(headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, status));
            context.Response.StatusCode = status;
        });
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<Hook> Received => [.. received];

    public static async Task<HookReceiver> StartAsync(Func<int, int> statusForRequest)
    {
        var receiver = new HookReceiver(statusForRequest);
        await receiver.app.StartAsync();
        receiver.Url = new Uri(receiver.app.Urls.Single() + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record Hook(string Id, string Timestamp, string Signature, string Body, int Answered);
