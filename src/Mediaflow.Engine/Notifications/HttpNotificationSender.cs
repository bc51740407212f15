using System.Net.Http.Headers;
using System.Text;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// POSTs an event to a URL or a configured function endpoint with the Standard Webhooks headers (<c>webhook-id</c> =
/// the stable event id, <c>webhook-timestamp</c>, <c>webhook-signature</c>) and <c>X-Mf-Event-Id</c>. 2xx delivers,
/// 410 disables the endpoint, everything else — 3xx included, redirects are not followed — and timeouts fail.
/// </summary>
public sealed class HttpNotificationSender(IHttpClientFactory httpClients, SigningSecrets secrets, EngineOptions engine, NotificationOptions options)
{
    public const string HttpClientName = "mediaflow-notifications";

    public async Task<DeliveryResult> SendAsync(NotificationRow row, string body, DateTimeOffset attemptTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        string url;
        if (row.NotifyType == NotificationChannel.Function)
        {
            if (!options.Functions.TryGetValue(row.Target, out var endpoint))
            {
                return DeliveryResult.Refused($"function '{row.Target}' is no longer configured (Notifications:Functions)");
            }

            url = endpoint;
        }
        else
        {
            url = row.Target;
        }

        var secret = await secrets.GetAsync(row.AppId, cancellationToken);
        var timestamp = attemptTime.ToUnixTimeSeconds();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(engine.NotificationTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("webhook-id", row.EventId);
            request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(secret, row.EventId, timestamp, body));
            request.Headers.TryAddWithoutValidation("X-Mf-Event-Id", row.EventId);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return DeliveryResult.Http((int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed($"timed out after {engine.NotificationTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException exception) when (Refusal(exception) is { } refusal)
        {
            return DeliveryResult.Refused(refusal.Message);
        }
        catch (HttpRequestException exception)
        {
            return DeliveryResult.Failed(exception.Message);
        }
    }

    private static CallbackRefusedException? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is CallbackRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
