using Mediaflow.Api;
using Mediaflow.Api.Actions;
using Mediaflow.Api.FrontDoor;
using Mediaflow.Domain.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediaflow.WebConsole.Endpoints;

/// <summary>
/// <c>POST /console/api/mps/{Action}</c>: the console's only way to read or change MPS state. The JSON body goes to the
/// same <see cref="MpsActionTable"/> handler a TC3-signed request reaches, as the session's account, and the answer is
/// the same MPS envelope (<c>{"Response":{…}}</c>, errors as <c>Response.Error</c>). Nothing the console does is
/// invisible to the API, and nothing it can do is beyond it.
/// </summary>
public static class ActionEndpoint
{
    public static async Task HandleAsync(HttpContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ConsoleAuth.RequireAsync(context) is not { } session)
        {
            return;
        }

        var cancellationToken = context.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        byte[] answer;
        try
        {
            var services = context.RequestServices;
            if (!services.GetRequiredService<MpsActionTable>().TryGet(action, out var handler))
            {
                throw new ApiException(ApiErrorCodes.InvalidAction, $"The action `{action}` is not supported.");
            }

            var body = await MpsRequestBody.ReadAsync(context.Request, cancellationToken);
            var parameters = MpsRequestJson.FromBody(body);
            var result = await handler(new ApiCaller(session.AppId, "console:" + session.Principal), parameters, services, cancellationToken);
            answer = MpsResponseWriter.Result(result, requestId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Every failure becomes an MPS envelope, as on the API; MpsErrorMapper logs the unexpected ones.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ActionEndpoint).FullName!);
            answer = MpsResponseWriter.Error(MpsErrorMapper.Map(exception, logger, action, requestId), requestId);
        }

        context.Response.Headers.CacheControl = "no-store";
        await MpsResponseWriter.WriteAsync(context.Response, answer, cancellationToken);
    }
}
