using System.Net;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Which addresses callbacks may connect to (pure): everything public, nothing loopback, private, shared (CGNAT),
/// link-local (cloud metadata 169.254.169.254 included), multicast, reserved or unspecified — unless a configured CIDR
/// allowlists it. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network", 0.0.0.0 reaches the local host
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"), // shared address space; Alibaba's metadata 100.100.100.200 lies here
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), // link-local, cloud metadata 169.254.169.254
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, broadcast
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b::/96"), // NAT64 may translate to any IPv4 address, private ones included
        IPNetwork.Parse("fc00::/7"), // unique local, AWS metadata fd00:ec2::254
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IReadOnlyList<IPNetwork> allowed;

    public AddressPolicy(IEnumerable<string> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        allowed = allowedNetworks.Select(Parse).ToList();
    }

    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(n => n.Contains(ip)) || !Refused.Any(n => n.Contains(ip));
    }

    private static IPNetwork Parse(string cidr) =>
        IPNetwork.TryParse(cidr.Trim(), out var network) ? network
        : throw new InvalidOperationException($"Notifications:AllowedNetworks: '{cidr}' is not a CIDR range such as 127.0.0.0/8");
}
