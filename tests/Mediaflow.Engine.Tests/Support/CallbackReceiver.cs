using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// A callback target on Kestrel at 127.0.0.1:0 that records every POST (event id header, Standard Webhooks headers and
/// JSON body) and answers as the test scripts for the n-th request: a status (default 200), optionally after a delay
/// or with a Location header.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedCallback> received = new();
    private readonly Func<int, CallbackAnswer> answerForRequest;
    private int count;

    private CallbackReceiver(Func<int, CallbackAnswer> answerForRequest)
    {
        this.answerForRequest = answerForRequest;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{**path}", HandleAsync);
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedCallback> Received => [.. received];

    /// <param name="statusForRequest">Status code for the n-th request (1-based), e.g. <c>n => n &lt;= 2 ? 500 : 200</c>.</param>
    public static Task<CallbackReceiver> StartAsync(Func<int, int>? statusForRequest = null) =>
        StartAsync(n => new CallbackAnswer(statusForRequest?.Invoke(n) ?? 200));

    public static async Task<CallbackReceiver> StartAsync(Func<int, CallbackAnswer> answerForRequest)
    {
        var receiver = new CallbackReceiver(answerForRequest);
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
        var raw = await reader.ReadToEndAsync();
        var answer = answerForRequest(number);
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up (its timeout): recorded as answered with the status it never saw.
            }
        }

        var headers = context.Request.Headers;
        received.Enqueue(new ReceivedCallback(number, headers["X-Mf-Event-Id"].ToString(), JsonNode.Parse(raw)!.AsObject(), answer.Status)
        {
            Raw = raw,
            WebhookId = headers["webhook-id"].ToString(),
            WebhookTimestamp = headers["webhook-timestamp"].ToString(),
            WebhookSignature = headers["webhook-signature"].ToString(),
            Path = context.Request.Path,
        });
        context.Response.StatusCode = answer.Status;
        if (answer.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }
    }
}

/// <summary>How the receiver answers one request.</summary>
public sealed record CallbackAnswer(int Status, TimeSpan Delay = default, string? Location = null);

/// <summary>One POST as the receiver saw it, and the status it answered.</summary>
public sealed record ReceivedCallback(int Number, string EventId, JsonObject Body, int Answered)
{
    public string Raw { get; init; } = "";

    public string WebhookId { get; init; } = "";

    public string WebhookTimestamp { get; init; } = "";

    public string WebhookSignature { get; init; } = "";

    public string Path { get; init; } = "";

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
