namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// What this server can deliver to, from its configuration (DESIGN §7.6): a type it cannot deliver is refused when the
/// orchestration or task is saved, not when the event is due. URL callbacks need nothing configured.
/// </summary>
/// <param name="Amqp">A message broker is configured (<c>Notifications:Amqp:Uri</c>): CMQ / TDMQ-CMQ work.</param>
/// <param name="Functions">SCF function names the configuration maps to endpoints (<c>Notifications:Functions:&lt;name&gt;</c>).</param>
public sealed record NotifyCapabilities(bool Amqp, IReadOnlySet<string> Functions)
{
    public static readonly NotifyCapabilities UrlOnly = new(false, new HashSet<string>(StringComparer.Ordinal));
}
