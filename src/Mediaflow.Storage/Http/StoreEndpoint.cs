using System.Security.Cryptography;
using Mediaflow.Domain.Accounts;
using Mediaflow.Storage.Disk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Storage.Http;

/// <summary>
/// The terminal request delegate of the store listener. Every request follows one recipe: parse → authenticate →
/// route → handler (which calls the store, authorizing by AppId) → result, or the error table's XML.
/// </summary>
internal sealed class StoreEndpoint(
    DiskObjectStore store,
    ICredentialLookup credentials,
    TimeProvider time,
    StorageOptions options,
    ILogger<StoreEndpoint> logger)
{
    private readonly RequestAuthenticator authenticator = new(credentials, time, options);

    public async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Path == "/healthz" && HttpMethods.IsGet(http.Request.Method) && !http.Request.Headers.ContainsKey("Authorization"))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            await http.Response.WriteAsync("ok");
            return;
        }

        if (Cors.Apply(http))
        {
            return;
        }

        // Object bodies are streamed to disk; the 30 MB default cap of Kestrel does not apply to the store.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        http.Response.Headers["x-amz-request-id"] = requestId;
        StoreRequest? request = null;
        var guard = NulTargetGuard.Enter(http);
        try
        {
            request = StoreRequest.Parse(http);
            if (request.Addressing == Addressing.CosVirtualHost)
            {
                http.Response.Headers["x-cos-request-id"] = requestId;
            }

            var caller = authenticator.Authenticate(request);
            var handler = StoreRoutes.Find(request);
            await handler(new StoreContext(http, request, caller, store, options));
        }
        catch (StorageException error) when (!http.Response.HasStarted)
        {
            await StoreErrors.WriteAsync(http, error, request?.DecodedPath ?? http.Request.Path, requestId);
        }
        catch (Exception error) when (!http.Response.HasStarted && error is not OperationCanceledException)
        {
            logger.LogError(error, "store request {RequestId} {Method} {Path} failed", requestId, http.Request.Method, http.Request.Path);
            await StoreErrors.WriteAsync(http, new StorageException(StorageErrorCode.InternalError), request?.DecodedPath ?? http.Request.Path, requestId);
        }
        finally
        {
            guard?.Leave();
        }
    }
}
