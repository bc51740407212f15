using Mediaflow.Domain.Accounts;

namespace Mediaflow.Api.Tests.TestSupport;

/// <summary>One request to the API under test; every knob defaults to what a well-behaved SDK sends.</summary>
public sealed record MpsCall
{
    public required AccessKey Key { get; init; }

    public string? Action { get; init; } = "ParseNotification";

    public string? Version { get; init; } = "2019-06-12";

    public string Method { get; init; } = "POST";

    /// <summary>The JSON body that is signed (POST).</summary>
    public string Body { get; init; } = "{}";

    /// <summary>When set, these bytes are sent instead of the signed <see cref="Body"/> (tampering).</summary>
    public string? SentBody { get; init; }

    /// <summary>GET only: the raw query string, signed and sent.</summary>
    public string Query { get; init; } = "";

    public string ContentType { get; init; } = "application/json";

    public SigningStyle Style { get; init; } = SigningStyle.Node;

    /// <summary>Unix seconds for X-TC-Timestamp; null = now.</summary>
    public long? Timestamp { get; init; }

    /// <summary>Sign with this secret instead of the key's own.</summary>
    public string? SigningSecret { get; init; }

    /// <summary>Replaces the computed Authorization header ("" = send none).</summary>
    public string? Authorization { get; init; }

    public bool UnsignedPayload { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
