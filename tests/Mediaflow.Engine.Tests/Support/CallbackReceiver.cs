using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// A callback target on Kestrel at 127.0.0.1:0 that records every POST (event id header and JSON body) and answers
/// with the status the test scripts for the n-th request (default 200).
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedCallback> received = new();
    private readonly Func<int, int> statusForRequest;
    private int count;

    private CallbackReceiver(Func<int, int> statusForRequest)
    {
        this.statusForRequest = statusForRequest;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{**path}", HandleAsync);
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedCallback> Received => [.. received];

    /// <param name="statusForRequest">Status code for the n-th request (1-based), e.g. <c>n => n &lt;= 2 ? 500 : 200</c>.</param>
    public static async Task<CallbackReceiver> StartAsync(Func<int, int>? statusForRequest = null)
    {
        var receiver = new CallbackReceiver(statusForRequest ?? (_ => 200));
        await receiver.app.StartAsync();
        receiver.Url = new Uri(receiver.app.Urls.Single() + "/callback");
        return receiver;
    }

    /// <summary>The callbacks about one task, in arrival order.</summary>
    public IReadOnlyList<ReceivedCallback> ForTask(string taskId) => Received.Where(c => c.TaskId == taskId).ToList();

    public Task WaitForAsync(Func<IReadOnlyList<ReceivedCallback>, bool> condition, string what) =>
        Eventually.WaitAsync(() => condition(Received), TimeSpan.FromSeconds(60),
            () => $"callbacks: {what}; received {Received.Count}: {string.Join(", ", Received.Select(r => $"{r.Answered}:{r.EventId}"))}");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref count);
        using var reader = new StreamReader(context.Request.Body);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var status = statusForRequest(number);
        received.Enqueue(new ReceivedCallback(number, context.Request.Headers["X-Mf-Event-Id"].ToString(), body, status));
        context.Response.StatusCode = status;
    }
}

/// <summary>One POST as the receiver saw it, and the status it answered.</summary>
public sealed record ReceivedCallback(int Number, string EventId, JsonObject Body, int Answered)
{
    public JsonObject Event => Body["ScheduleTaskEvent"]!.AsObject();

    public string TaskId => Event[nameof(TaskId)]!.GetValue<string>();

    public string TaskStatus => Event["Status"]!.GetValue<string>();

    public long Timestamp => Body[nameof(Timestamp)]!.GetValue<long>();

    public string Sign => Body[nameof(Sign)]!.GetValue<string>();

    /// <summary>The node result at Activities[index] inside the event.</summary>
    public JsonObject Node(int index) =>
        Event["ActivityResultSet"]!.AsArray().OfType<JsonObject>().Single(r => r["MfActivityIndex"]!.GetValue<int>() == index)
            ["ActivityResItem"]!.AsObject().Single().Value!.AsObject();
}
