using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediaflow.Domain.Accounts;
using Mediaflow.WebConsole.Sessions;
using Mediaflow.WebConsole.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.WebConsole.Endpoints;

/// <summary>
/// <c>POST /console/api/session</c> (sign in with a key pair, or AppId + console user + password),
/// <c>GET /console/api/session</c> (who am I, and the CSRF token), <c>DELETE /console/api/session</c> (sign out).
/// </summary>
public static class SessionEndpoints
{
    public sealed record SignIn(string? SecretId, string? SecretKey, long? AppId, string? User, string? Password);

    public static async Task SignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = await ConsoleResults.ReadAsync<SignIn>(context);
        if (request is null)
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", "The body must be a JSON object.");
            return;
        }

        var services = context.RequestServices;
        var userName = UserName(request);
        if (userName is null)
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "MissingParameter", "Give SecretId and SecretKey, or AppId, User and Password.");
            return;
        }

        var limiter = services.GetRequiredService<SignInLimiter>();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var verdict = limiter.Check(address, userName);
        if (!verdict.Allowed)
        {
            context.Response.Headers.RetryAfter = verdict.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var whose = verdict.Scope == "user" ? "for this user" : "from this address";
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "RequestLimitExceeded.SignIn", $"Too many failed sign-ins {whose}; try again in {verdict.RetryAfterSeconds} s.");
            return;
        }

        (long AppId, string Principal)? who = null;
        if (!string.IsNullOrEmpty(request.SecretId) && request.SecretKey is not null)
        {
            var key = services.GetRequiredService<ICredentialLookup>().FindBySecretId(request.SecretId);
            if (key is { Status: AccessKeyStatus.Enabled } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.SecretKey), Encoding.UTF8.GetBytes(request.SecretKey)))
            {
                who = (key.AppId, key.SecretId);
            }
        }
        else if (request is { AppId: { } appId, User: { Length: > 0 } user, Password: { } password })
        {
            if (await services.GetRequiredService<ConsoleUserService>().VerifyAsync(appId, user, password, context.RequestAborted))
            {
                who = (appId, user);
            }
        }

        if (who is not { } signedIn)
        {
            limiter.RecordFailure(address, userName);
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status401Unauthorized, "AuthFailure.InvalidCredentials", "Those credentials do not match an enabled key or console user.");
            return;
        }

        limiter.RecordSuccess(userName);
        var session = await services.GetRequiredService<ConsoleSessions>().OpenAsync(signedIn.AppId, signedIn.Principal, context.RequestAborted);
        ConsoleAuth.SetCookie(context, session);
        await ConsoleResults.JsonAsync(context, Describe(session));
    }

    public static async Task WhoAmIAsync(HttpContext context)
    {
        if (await ConsoleAuth.RequireAsync(context) is { } session)
        {
            await ConsoleResults.JsonAsync(context, Describe(session));
        }
    }

    public static async Task SignOutAsync(HttpContext context)
    {
        if (await ConsoleAuth.RequireAsync(context) is { } session)
        {
            await context.RequestServices.GetRequiredService<ConsoleSessions>().CloseAsync(session.Token, context.RequestAborted);
            ConsoleAuth.ClearCookie(context);
            await ConsoleResults.JsonAsync(context, new { SignedOut = true });
        }
    }

    /// <summary>The name the per-user sign-in limit counts: the SecretId, or AppId/User; null when the request names neither.</summary>
    private static string? UserName(SignIn request) => request switch
    {
        { SecretId: { Length: > 0 } secretId, SecretKey: not null } => "key:" + secretId,
        { AppId: { } appId, User: { Length: > 0 } user, Password: not null } => string.Create(CultureInfo.InvariantCulture, $"user:{appId}/{user}"),
        _ => null,
    };

    private static object Describe(ConsoleSession session) => new { session.AppId, session.Principal, session.CsrfToken };
}
