using System.Net;
using Mediaflow.Engine.Notifications;

namespace Mediaflow.Engine.Tests.Notifications;

public sealed class AddressPolicyTests
{
    private static readonly AddressPolicy Default = new([]);

    [Theory]
    [InlineData("127.0.0.1")] // loopback
    [InlineData("127.45.6.7")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")] // private
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("fd12:3456::1")] // unique local
    [InlineData("169.254.169.254")] // cloud metadata (link-local)
    [InlineData("fd00:ec2::254")] // AWS IPv6 metadata
    [InlineData("100.100.100.200")] // Alibaba metadata (shared space)
    [InlineData("fe80::1")] // link-local
    [InlineData("224.0.0.1")] // multicast
    [InlineData("ff02::1")]
    [InlineData("0.0.0.0")] // unspecified: reaches the local host
    [InlineData("::")]
    [InlineData("255.255.255.255")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    public void IsAllowed_RefusedRange_False(string address) => Assert.False(Default.IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")] // just past 172.16.0.0/12
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.4.4")]
    public void IsAllowed_PublicAddress_True(string address) => Assert.True(Default.IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public void IsAllowed_AllowlistedRange_OnlyThatRangeOpens()
    {
        var policy = new AddressPolicy(["127.0.0.0/8", " 10.9.0.0/16 "]);
        Assert.True(policy.IsAllowed(IPAddress.Parse("127.0.0.1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("10.9.200.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("10.8.0.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("::1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/33")]
    public void Constructor_NotACidr_ThrowsNamingTheSetting(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AddressPolicy([entry]));
        Assert.Contains("Notifications:AllowedNetworks", error.Message, StringComparison.Ordinal);
    }
}
