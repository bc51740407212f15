namespace Mediaflow.Engine.Notifications;

/// <summary>
/// How one delivery attempt ended. <see cref="DeliveryOutcome.Failed"/> is retried with backoff; Gone and Refused are
/// permanent (no retry can succeed until someone changes the endpoint or the configuration).
/// </summary>
public sealed record DeliveryResult(string Outcome, int? HttpStatus, string Error)
{
    public static readonly DeliveryResult Delivered = new(DeliveryOutcome.Delivered, null, "");

    public static DeliveryResult Http(int status) =>
        status is >= 200 and < 300 ? new(DeliveryOutcome.Delivered, status, "")
        : status == 410 ? new(DeliveryOutcome.Gone, status, "HTTP 410 Gone")
        : new(DeliveryOutcome.Failed, status, status is >= 300 and < 400 ? $"HTTP {status} (redirects are not followed)" : $"HTTP {status}");

    public static DeliveryResult Failed(string error) => new(DeliveryOutcome.Failed, null, error);

    public static DeliveryResult Refused(string error) => new(DeliveryOutcome.Refused, null, error);
}
