using Mediaflow.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.WebConsole.Endpoints;

/// <summary>
/// The session cookie (HttpOnly, SameSite=Strict, path <c>/console</c>) and the CSRF rule: every request but a GET must
/// carry the session's token in <c>X-Mf-Csrf</c>. A request without a live session answers 401, a bad token 403.
/// </summary>
public static class ConsoleAuth
{
    public const string CookieName = "mf_console";
    public const string CsrfHeader = "X-Mf-Csrf";

    public static void SetCookie(HttpContext context, ConsoleSession session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        context.Response.Cookies.Append(CookieName, session.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/console",
        });
    }

    public static void ClearCookie(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/console", SameSite = SameSiteMode.Strict, HttpOnly = true });
    }

    /// <summary>The request's session, or null after writing the 401/403 answer.</summary>
    public static async Task<ConsoleSession?> RequireAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await context.RequestServices.GetRequiredService<ConsoleSessions>().FindAsync(context.Request.Cookies[CookieName], context.RequestAborted);
        if (session is null)
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status401Unauthorized, "AuthFailure.SessionRequired", "Sign in to the console first.");
            return null;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !string.Equals(context.Request.Headers[CsrfHeader].ToString(), session.CsrfToken, StringComparison.Ordinal))
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status403Forbidden, "AuthFailure.CsrfTokenMismatch", $"The {CsrfHeader} header must carry the session's CSRF token.");
            return null;
        }

        return session;
    }
}
