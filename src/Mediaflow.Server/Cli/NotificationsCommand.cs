using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Application.Accounts;
using Mediaflow.Server.Hosting;

namespace Mediaflow.Server.Cli;

/// <summary>
/// `mediaflow notifications deliveries|redeliver|secret`: the delivery log, redelivery and the signing secret, through
/// the running server's API (MfDescribeNotificationDeliveries, MfRedeliverNotification, MfDescribeNotificationSecret),
/// signed with a key of the data directory's credentials (the first account's first key unless told otherwise).
/// </summary>
public static class NotificationsCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create(Option<string> dataDirectory)
    {
        var endpoint = new Option<string?>("--endpoint") { Description = "API base URL (default: the running server's, from <data-dir>/endpoints.json)." };
        var appId = new Option<long?>("--app-id") { Description = "Account whose first key signs the request (default: the first account)." };

        var taskId = new Option<string?>("--task-id") { Description = "Only events of this task." };
        var eventId = new Option<string?>("--event-id") { Description = "Only this event." };
        var status = new Option<string?>("--status") { Description = "PENDING, DELIVERED, FAILED or DISABLED." };
        var limit = new Option<long?>("--limit") { Description = "At most this many events (1-100, default 20)." };
        var offset = new Option<long?>("--offset") { Description = "Skip this many events (newest first)." };
        var deliveries = new Command("deliveries", "Print the delivery log: events and every attempt (JSON).")
        {
            dataDirectory, endpoint, appId, taskId, eventId, status, limit, offset,
        };
        deliveries.SetAction((parse, cancellationToken) => RunAsync(parse, dataDirectory, endpoint, appId, "MfDescribeNotificationDeliveries", new
        {
            TaskId = parse.GetValue(taskId),
            EventId = parse.GetValue(eventId),
            Status = parse.GetValue(status),
            Limit = parse.GetValue(limit),
            Offset = parse.GetValue(offset),
        }, cancellationToken));

        var redeliverId = new Argument<string>("event-id") { Description = "The event to send again (same event id)." };
        var redeliver = new Command("redeliver", "Send a delivered, failed or disabled event again.") { dataDirectory, endpoint, appId, redeliverId };
        redeliver.SetAction((parse, cancellationToken) =>
            RunAsync(parse, dataDirectory, endpoint, appId, "MfRedeliverNotification", new { EventId = parse.GetValue(redeliverId) }, cancellationToken));

        var secret = new Command("secret", "Print the account's Standard Webhooks signing secret (whsec_…).") { dataDirectory, endpoint, appId };
        secret.SetAction((parse, cancellationToken) =>
            RunAsync(parse, dataDirectory, endpoint, appId, "MfDescribeNotificationSecret", new { }, cancellationToken));

        return new Command("notifications", "Notification delivery log, redelivery and signing secret (through the API).") { deliveries, redeliver, secret };
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string> dataDirectory, Option<string?> endpoint, Option<long?> appId,
        string action, object request, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
        var baseUrl = parse.GetValue(endpoint) ?? ReadEndpoint(directory);
        if (baseUrl is null)
        {
            await Console.Error.WriteLineAsync($"No running server found ({Path.Combine(directory, "endpoints.json")}); pass --endpoint.");
            return 2;
        }

        var keys = new CredentialStore(directory).AllKeys();
        var wanted = parse.GetValue(appId);
        var key = keys.FirstOrDefault(k => wanted is null || k.AppId == wanted);
        if (key is null)
        {
            await Console.Error.WriteLineAsync(wanted is null ? "No key in the data directory's credentials." : $"No key for account {wanted}.");
            return 2;
        }

        using var client = new MpsApiClient(new Uri(baseUrl), key.SecretId, key.SecretKey, TimeProvider.System);
        try
        {
            var response = await client.CallAsync(action, request, cancellationToken);
            response.Remove("RequestId");
            Console.WriteLine(response.ToJsonString(Json));
            return 0;
        }
        catch (MpsCallException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
        catch (HttpRequestException exception)
        {
            await Console.Error.WriteLineAsync($"Cannot reach {baseUrl}: {exception.Message}");
            return 1;
        }
    }

    private static string? ReadEndpoint(string directory)
    {
        var path = Path.Combine(directory, "endpoints.json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?[nameof(EndpointsFile.Api)]?.GetValue<string>() : null;
    }
}
