using System.Text.Json;

namespace Mediaflow.Api.Actions;

/// <summary>
/// One action: gets the verified caller and the request body (a JSON object), returns the response object whose
/// properties become the members of <c>Response</c> (RequestId is added by the front door). Failures are thrown as
/// <see cref="Domain.Errors.ApiException"/>.
/// </summary>
public delegate Task<object> MpsActionHandler(ApiCaller caller, JsonElement body, IServiceProvider services, CancellationToken cancellationToken);
