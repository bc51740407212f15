using System.Globalization;

namespace Mediaflow.Engine.Tasks;

/// <summary>ISO-8601 UTC times as the MPS API writes them; "not yet" is the literal zero time.</summary>
public static class WireTime
{
    public const string NotYet = "0000-00-00T00:00:00Z";

    public static string Format(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : NotYet;
}
