using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Engine.Notifications;

/// <summary>Where notifications may go (configuration section <c>Notifications</c>, DESIGN §7.6).</summary>
public sealed class NotificationOptions
{
    /// <summary>
    /// CIDR ranges callbacks may connect to although the SSRF guard refuses them (loopback, private, link-local …),
    /// e.g. <c>127.0.0.0/8</c> in tests. Empty by default: only public addresses are reached.
    /// </summary>
    public List<string> AllowedNetworks { get; } = [];

    /// <summary>SCF function name → the HTTP(S) endpoint that runs it. Only the server's configuration defines these.</summary>
    public Dictionary<string, string> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>The message broker for CMQ / TDMQ-CMQ (RabbitMQ, AMQP 0-9-1).</summary>
    public AmqpBrokerOptions Amqp { get; } = new();

    public NotifyCapabilities Capabilities() => new(Amqp.Uri is not null, new HashSet<string>(Functions.Keys, StringComparer.Ordinal));
}
