using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Notifications;

/// <summary>Reads a notification body and checks its signature (pure; reference/mps-api.md §9, DESIGN §7.6).</summary>
public static class NotificationContent
{
    public static readonly string InvalidContent = ApiErrorCodes.InvalidValue("InvalidContent");

    public static ParseNotificationResponse Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(content);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Invalid("Content is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("Content must be a JSON object.");
        }

        return new ParseNotificationResponse
        {
            EventType = Text(root, "EventType"),
            WorkflowTaskEvent = Event(root, "WorkflowTaskEvent"),
            EditMediaTaskEvent = Event(root, "EditMediaTaskEvent"),
            SessionId = Text(root, "SessionId"),
            SessionContext = Text(root, "SessionContext"),
            ScheduleTaskEvent = Event(root, "ScheduleTaskEvent"),
            Timestamp = Timestamp(root),
            Sign = Text(root, "Sign"),
            BatchTaskEvent = Event(root, "BatchTaskEvent"),
            ExtractBlindWatermarkTask = Event(root, "ExtractBlindWatermarkTask"),
        };
    }

    /// <summary>Sign must be lowercase hex MD5(Timestamp as decimal + notifyKey) and Timestamp (the expiry) not in the past.</summary>
    public static void Verify(ParseNotificationResponse notification, string notifyKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(notifyKey);
        if (notification.Timestamp is not { } timestamp || notification.Sign is not { } sign)
        {
            throw Invalid("Content has no Timestamp or Sign to verify.");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, notifyKey));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(sign)))
        {
            throw Invalid("Sign does not match MfNotifyKey.");
        }

        if (timestamp < now.ToUnixTimeSeconds())
        {
            throw Invalid($"The notification expired at {timestamp}.");
        }
    }

    public static string Sign(long timestamp, string notifyKey) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + notifyKey)));

    private static string? Text(JsonElement root, string name) =>
        Member(root, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            _ => throw Invalid($"{name} must be a string."),
        };

    private static JsonElement? Event(JsonElement root, string name) =>
        Member(root, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Object } value => value,
            _ => throw Invalid($"{name} must be an object."),
        };

    private static long? Timestamp(JsonElement root) =>
        Member(root, "Timestamp") switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var seconds) => seconds,
            { ValueKind: JsonValueKind.String } value when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) => seconds,
            _ => throw Invalid("Timestamp must be unix seconds."),
        };

    private static JsonElement? Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static ApiException Invalid(string message) => new(InvalidContent, message);
}
