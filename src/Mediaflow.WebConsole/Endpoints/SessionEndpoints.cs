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
        else
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "MissingParameter", "Give SecretId and SecretKey, or AppId, User and Password.");
            return;
        }

        if (who is not { } signedIn)
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status401Unauthorized, "AuthFailure.InvalidCredentials", "Those credentials do not match an enabled key or console user.");
            return;
        }

        var session = services.GetRequiredService<ConsoleSessions>().Open(signedIn.AppId, signedIn.Principal);
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
            context.RequestServices.GetRequiredService<ConsoleSessions>().Close(session.Id);
            ConsoleAuth.ClearCookie(context);
            await ConsoleResults.JsonAsync(context, new { SignedOut = true });
        }
    }

    private static object Describe(ConsoleSession session) => new { session.AppId, session.Principal, session.CsrfToken };
}
