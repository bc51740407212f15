using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Mediaflow.Domain.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Api.Actions;

/// <summary>
/// The one table from <c>X-TC-Action</c> to its handler. Filled once at startup by <see cref="MpsActions.Register"/>,
/// read-only afterwards.
/// </summary>
public sealed class MpsActionTable
{
    private readonly Dictionary<string, MpsActionHandler> handlers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Actions => handlers.Keys;

    public void Add(string action, MpsActionHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(handler);
        if (!handlers.TryAdd(action, handler))
        {
            throw new InvalidOperationException($"MPS action {action} is registered twice.");
        }
    }

    /// <summary>
    /// The usual shape of an action: the body is read into <typeparamref name="TRequest"/> (type mismatches →
    /// <c>InvalidParameter</c>), its required fields are checked (<c>MissingParameter</c>), then the handler is called
    /// with the one application service it uses, resolved from the request's services.
    /// </summary>
    public void Add<TRequest, TService>(string action, Func<TRequest, ApiCaller, TService, CancellationToken, Task<object>> handler)
        where TRequest : class, IMpsRequest
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(action, (caller, body, services, cancellationToken) =>
        {
            var request = Read<TRequest>(body);
            request.Validate();
            return handler(request, caller, services.GetRequiredService<TService>(), cancellationToken);
        });
    }

    /// <summary>
    /// The same for a request model owned by the domain or application layer (no <see cref="IMpsRequest"/>): the
    /// action names its required fields in <paramref name="validate"/>.
    /// </summary>
    public void Add<TRequest, TService>(string action, Action<TRequest> validate, Func<TRequest, ApiCaller, TService, CancellationToken, Task<object>> handler)
        where TRequest : class
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(handler);
        Add(action, (caller, body, services, cancellationToken) =>
        {
            var request = Read<TRequest>(body);
            validate(request);
            return handler(request, caller, services.GetRequiredService<TService>(), cancellationToken);
        });
    }

    public bool TryGet(string action, [NotNullWhen(true)] out MpsActionHandler? handler) => handlers.TryGetValue(action, out handler);

    private static TRequest Read<TRequest>(JsonElement body)
        where TRequest : class =>
        body.ValueKind == JsonValueKind.Object
            ? body.Deserialize<TRequest>(MpsJson.Options) ?? throw NotAnObject()
            : throw NotAnObject();

    private static ApiException NotAnObject() => new(ApiErrorCodes.InvalidParameter, "The request body must be a JSON object.");
}
