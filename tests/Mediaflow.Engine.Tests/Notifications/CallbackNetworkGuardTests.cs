using System.Net;
using Mediaflow.Engine.Notifications;

namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>The SSRF guard in SocketsHttpHandler.ConnectCallback, with a resolver and a connect spy: no real traffic.</summary>
public sealed class CallbackNetworkGuardTests
{
    private static readonly Dictionary<string, IPAddress[]> Names = new()
    {
        ["metadata.test"] = [IPAddress.Parse("169.254.169.254")],
        ["intranet.test"] = [IPAddress.Parse("10.0.0.7"), IPAddress.Parse("fd00::7")],
        ["rebind.test"] = [IPAddress.Parse("127.0.0.1")],
        ["mixed.test"] = [IPAddress.Parse("192.168.0.10"), IPAddress.Parse("203.0.113.9")],
        ["public.test"] = [IPAddress.Parse("203.0.113.10")],
    };

    private static async Task<Exception> PostAsync(ConnectSpy spy, string url, params string[] allowed)
    {
        var guard = new CallbackNetworkGuard(new AddressPolicy(allowed), spy, spy);
        using var client = new HttpClient(guard.CreateHandler());
        return await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri(url), new StringContent("{}")));
    }

    [Theory]
    [InlineData("http://metadata.test/latest/meta-data/")]
    [InlineData("http://intranet.test:8080/hook")]
    [InlineData("http://rebind.test/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:9/cb")]
    [InlineData("http://[::1]:9/cb")]
    [InlineData("http://[::ffff:10.0.0.1]/cb")]
    [InlineData("https://10.1.1.1/cb")]
    [InlineData("http://0.0.0.0:80/")]
    public async Task Connect_RefusedRange_NoConnectionAttempted(string url)
    {
        var spy = new ConnectSpy(Names);
        var error = await PostAsync(spy, url);
        Assert.Empty(spy.Attempts);
        Assert.IsType<CallbackRefusedException>(error.InnerException);
        Assert.Contains("SSRF guard", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_NameWithPrivateAndPublicAddresses_OnlyPublicOneTried()
    {
        var spy = new ConnectSpy(Names);
        await PostAsync(spy, "http://mixed.test:8443/hook");
        Assert.Equal([new IPEndPoint(IPAddress.Parse("203.0.113.9"), 8443)], spy.Attempts);
    }

    [Fact]
    public async Task Connect_PublicName_ConnectorAskedForItsAddress()
    {
        var spy = new ConnectSpy(Names);
        var error = await PostAsync(spy, "http://public.test/hook");
        Assert.Equal([new IPEndPoint(IPAddress.Parse("203.0.113.10"), 80)], spy.Attempts);
        Assert.IsNotType<CallbackRefusedException>(error.InnerException);
    }

    [Fact]
    public async Task Connect_AllowlistedLoopback_ConnectorAsked()
    {
        var spy = new ConnectSpy(Names);
        await PostAsync(spy, "http://rebind.test:9000/cb", "127.0.0.0/8");
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 9000)], spy.Attempts);
    }

    [Fact]
    public async Task Connect_AllowlistDoesNotCoverMetadata_StillRefused()
    {
        var spy = new ConnectSpy(Names);
        await PostAsync(spy, "http://metadata.test/", "127.0.0.0/8", "10.0.0.0/8");
        Assert.Empty(spy.Attempts);
    }

    [Fact]
    public void CreateHandler_NoRedirectsNoProxy()
    {
        var guard = new CallbackNetworkGuard(new AddressPolicy([]), new ConnectSpy(Names), new ConnectSpy(Names));
        using var handler = guard.CreateHandler();
        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy); // a proxy would connect on our behalf, past the guard
        Assert.NotNull(handler.ConnectCallback);
    }
}
