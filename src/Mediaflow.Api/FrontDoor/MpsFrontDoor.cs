using Mediaflow.Api.Actions;
using Mediaflow.Api.Signing;
using Mediaflow.Domain.Accounts;
using Mediaflow.Domain.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Api.FrontDoor;

/// <summary>
/// <c>POST /</c> (and <c>GET /?flattened</c>) of the MPS API: raw body → action and version headers → TC3 →
/// the action's handler → envelope. Every outcome is HTTP 200 with the MPS envelope (reference/mps-api.md §1, §16).
/// </summary>
public static class MpsFrontDoor
{
    public const string Version = "2019-06-12";

    public static async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        if (context.Request.Headers.TryGetValue("X-TC-TraceId", out var traceId))
        {
            context.Response.Headers["X-TC-TraceId"] = traceId;
        }

        var action = context.Request.Headers["X-TC-Action"].ToString();
        byte[] answer;
        try
        {
            var result = await DispatchAsync(context, action, cancellationToken);
            answer = MpsResponseWriter.Result(result, requestId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }
#pragma warning disable CA1031 // Every failure must become an MPS envelope; MpsErrorMapper logs the unexpected ones.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MpsFrontDoor).FullName!);
            answer = MpsResponseWriter.Error(MpsErrorMapper.Map(exception, logger, action, requestId), requestId);
        }

        await MpsResponseWriter.WriteAsync(context.Response, answer, cancellationToken);
    }

    private static async Task<object> DispatchAsync(HttpContext context, string action, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var body = await MpsRequestBody.ReadAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(action))
        {
            throw new ApiException(ApiErrorCodes.InvalidAction, "The X-TC-Action header is required.");
        }

        var version = request.Headers["X-TC-Version"].ToString();
        if (!string.Equals(version, Version, StringComparison.Ordinal))
        {
            throw new ApiException(ApiErrorCodes.NoSuchVersion, $"The requested version `{version}` of service `mps` does not exist; use {Version}.");
        }

        var services = context.RequestServices;
        if (!services.GetRequiredService<MpsActionTable>().TryGet(action, out var handler))
        {
            throw new ApiException(ApiErrorCodes.InvalidAction, $"The action `{action}` is not supported.");
        }

        var key = Tc3Verifier.Verify(
            ToTc3Request(request, body),
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            services.GetRequiredService<ICredentialLookup>());
        var parameters = HttpMethods.IsGet(request.Method) ? MpsRequestJson.FromQuery(request.Query) : MpsRequestJson.FromBody(body);
        return await handler(new ApiCaller(key.AppId, key.SecretId), parameters, services, cancellationToken);
    }

    private static Tc3Request ToTc3Request(HttpRequest request, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        return new Tc3Request(request.Method, query, headers, body);
    }
}
