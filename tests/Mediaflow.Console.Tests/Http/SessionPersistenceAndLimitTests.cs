using System.Net;
using System.Text.Json;
using Mediaflow.ConsoleTests.Support;

namespace Mediaflow.ConsoleTests.Http;

/// <summary>
/// Sessions survive a server restart (they are rows, not memory) and sign-out deletes them; failed sign-ins are limited
/// per user name and per address with 429 and Retry-After. Tests in a class run one after another, so the restart does
/// not race the others.
/// </summary>
public sealed class SessionPersistenceAndLimitTests(LimitedConsoleServer server) : IClassFixture<LimitedConsoleServer>
{
    private static Cookie SessionCookie(ConsoleClient client, Uri api) => client.Cookies.GetCookies(new Uri(api, "/console/api/session"))["mf_console"] ?? throw new InvalidOperationException("no session cookie");

    [Fact]
    public async Task ASession_SurvivesARestart_AndASignedOutOneDoesNot()
    {
        using var kept = new ConsoleClient(server.Api);
        await kept.SignInAsync(server.Account);
        using var ended = new ConsoleClient(server.Api);
        await ended.SignInAsync(server.Account);
        var endedTokenBeforeSignOut = SessionCookie(ended, server.Api).Value;
        using var signOut = await ended.SendAsync(HttpMethod.Delete, "/console/api/session");
        var keptCookie = SessionCookie(kept, server.Api);
        var endedToken = endedTokenBeforeSignOut;

        await server.RestartAsync();

        // The same cookies a browser would send to the restarted server (cookies do not depend on the port).
        using var afterRestart = new ConsoleClient(server.Api) { Csrf = kept.Csrf };
        afterRestart.Cookies.Add(new Cookie(keptCookie.Name, keptCookie.Value, "/console", server.Api.Host));
        using var whoAmI = await afterRestart.SendAsync(HttpMethod.Get, "/console/api/session");
        var schedules = await afterRestart.MpsAsync("DescribeSchedules", new { Limit = 1 });
        using var signedOutClient = new ConsoleClient(server.Api);
        signedOutClient.Cookies.Add(new Cookie("mf_console", endedToken, "/console", server.Api.Host));
        using var signedOut = await signedOutClient.SendAsync(HttpMethod.Get, "/console/api/session");

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
        using var json = JsonDocument.Parse(await whoAmI.Content.ReadAsStringAsync());
        Assert.Equal(server.Account.AppId, json.RootElement.GetProperty("AppId").GetInt64());
        Assert.Equal(kept.Csrf, json.RootElement.GetProperty("CsrfToken").GetString());
        Assert.True(schedules.TryGetProperty("TotalCount", out _), schedules.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Fact]
    public async Task ThreeBadSignInsForAUser_ThenEvenTheRightPasswordIsAnswered429WithRetryAfter_OtherUsersAreNot()
    {
        var appId = server.Account.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await CliInput.RunAsync("right-password\n", "users", "create", "--app-id", appId, "--name", "limited", "--data-dir", server.DataDirectory);
        Assert.True(created.ExitCode == 0, created.Stderr);
        using var client = new ConsoleClient(server.Api);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var bad = await client.SignInAsync(new { server.Account.AppId, User = "limited", Password = "wrong-password-" + i });
            statuses.Add(bad.StatusCode);
        }

        using var limited = await client.SignInAsync(new { server.Account.AppId, User = "limited", Password = "right-password" });
        using var otherUser = await client.SignInAsync(new { server.Account.AppId, User = "nobody", Password = "whatever-1" });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        var body = await limited.Content.ReadAsStringAsync();
        Assert.Contains("RequestLimitExceeded.SignIn", body, StringComparison.Ordinal);
        Assert.Contains("Too many failed sign-ins for this user", body, StringComparison.Ordinal);
        Assert.False(limited.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, otherUser.StatusCode);
    }
}
