using System.Text.Json;

namespace Mediaflow.Api.Notifications;

/// <summary>
/// The fields of a notification (reference/mps-api.md §9). The event payloads are passed through as JSON, untouched,
/// so nothing the sender wrote is lost; absent or null members are omitted.
/// </summary>
public sealed class ParseNotificationResponse
{
    public string? EventType { get; init; }

    public JsonElement? WorkflowTaskEvent { get; init; }

    public JsonElement? EditMediaTaskEvent { get; init; }

    public string? SessionId { get; init; }

    public string? SessionContext { get; init; }

    public JsonElement? ScheduleTaskEvent { get; init; }

    public long? Timestamp { get; init; }

    public string? Sign { get; init; }

    public JsonElement? BatchTaskEvent { get; init; }

    public JsonElement? ExtractBlindWatermarkTask { get; init; }
}
