using Mediaflow.Api.Actions;

namespace Mediaflow.Api.Notifications;

public sealed class ParseNotificationRequest : IMpsRequest
{
    /// <summary>req: the raw callback body or queue message (a JSON object, reference/mps-api.md §9).</summary>
    public string? Content { get; init; }

    /// <summary>Extension (DESIGN §7.6): when given, Sign and Timestamp are verified with this NotifyKey ("" = no key).</summary>
    public string? MfNotifyKey { get; init; }

    public void Validate() => MpsRequire.Present(Content, nameof(Content));
}
