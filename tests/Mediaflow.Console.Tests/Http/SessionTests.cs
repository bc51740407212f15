using System.Net;
using System.Text.Json;
using Mediaflow.ConsoleTests.Support;

namespace Mediaflow.ConsoleTests.Http;

/// <summary>Sign-in, the session cookie, CSRF and sign-out at the HTTP level, against a real server.</summary>
public sealed class SessionTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    [Fact]
    public async Task SignIn_WithTheAccountKeys_SetsAStrictHttpOnlyCookieAndAnswersTheAccount()
    {
        using var client = new ConsoleClient(server.Api);
        using var response = await client.SignInAsync(new { server.Account.SecretId, server.Account.SecretKey });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mf_console=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(server.Account.AppId, json.RootElement.GetProperty("AppId").GetInt64());
        Assert.False(string.IsNullOrEmpty(client.Csrf));
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task SignIn_WithAWrongSecretKey_Answers401AndNoCookie(string secretKey)
    {
        using var client = new ConsoleClient(server.Api);
        using var response = await client.SignInAsync(new { server.Account.SecretId, SecretKey = secretKey });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("AuthFailure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutCredentials_Answers400()
    {
        using var client = new ConsoleClient(server.Api);
        using var response = await client.SignInAsync(new { User = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Actions_WithoutASession_Answer401()
    {
        using var client = new ConsoleClient(server.Api);
        using var response = await client.SendAsync(HttpMethod.Post, "/console/api/mps/DescribeSchedules", ConsoleClient.Json(new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Actions_WithTheCookieButWithoutTheCsrfToken_Answer403_AndWithIt200()
    {
        using var client = new ConsoleClient(server.Api);
        await client.SignInAsync(server.Account);

        using var missing = await client.SendAsync(HttpMethod.Post, "/console/api/mps/DescribeSchedules", ConsoleClient.Json(new { }), withCsrf: false);
        var real = client.Csrf;
        client.Csrf = "forged";
        using var forged = await client.SendAsync(HttpMethod.Post, "/console/api/mps/DescribeSchedules", ConsoleClient.Json(new { }));
        client.Csrf = real;
        var ok = await client.MpsAsync("DescribeSchedules", new { Limit = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(ok.TryGetProperty("TotalCount", out _), ok.ToString());
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = new ConsoleClient(server.Api);
        await client.SignInAsync(server.Account);
        using var before = await client.SendAsync(HttpMethod.Get, "/console/api/session");

        using var signOut = await client.SendAsync(HttpMethod.Delete, "/console/api/session");
        using var after = await client.SendAsync(HttpMethod.Get, "/console/api/session");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task ConsoleUser_CreatedByTheCli_SignsInWithItsPassword_AndNotWithAnother()
    {
        var created = await CliInput.RunAsync("s3cret-pass\n", "users", "create", "--app-id", server.Account.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", "alice", "--data-dir", server.DataDirectory);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var duplicate = await CliInput.RunAsync("s3cret-pass\n", "users", "create", "--app-id", server.Account.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", "alice", "--data-dir", server.DataDirectory);

        using var client = new ConsoleClient(server.Api);
        using var stranger = new ConsoleClient(server.Api);
        using var good = await client.SignInAsync(new { server.Account.AppId, User = "alice", Password = "s3cret-pass" });
        using var bad = await stranger.SignInAsync(new { server.Account.AppId, User = "alice", Password = "s3cret-pasS" });
        using var otherAccount = await stranger.SignInAsync(new { AppId = server.Account.AppId + 1, User = "alice", Password = "s3cret-pass" });

        Assert.Equal(2, duplicate.ExitCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAccount.StatusCode);
        var schedules = await client.MpsAsync("DescribeSchedules", new { Limit = 1 });
        Assert.True(schedules.TryGetProperty("TotalCount", out _), schedules.ToString());
    }

    [Fact]
    public async Task ConsoleUser_WithAShortPassword_IsRefused()
    {
        var created = await CliInput.RunAsync("short\n", "users", "create", "--name", "bob", "--data-dir", server.DataDirectory);

        Assert.Equal(2, created.ExitCode);
        Assert.Contains("at least 8", created.Stderr, StringComparison.Ordinal);
    }
}
