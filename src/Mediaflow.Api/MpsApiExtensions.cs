using Mediaflow.Api.Actions;
using Mediaflow.Api.FrontDoor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mediaflow.Api;

/// <summary>Hosting entry points of the MPS API front door.</summary>
public static class MpsApiExtensions
{
    /// <summary>
    /// Registers the action table (<see cref="MpsActions"/>) and <see cref="TimeProvider.System"/> unless one is registered.
    /// The host registers <see cref="Domain.Accounts.ICredentialLookup"/> and the application services the actions use.
    /// </summary>
    public static IServiceCollection AddMediaflowApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => MpsActions.Register(new MpsActionTable()));
        return services;
    }

    /// <summary>
    /// Maps <c>POST /</c> and <c>GET /</c> (the MPS endpoint) and <c>GET /healthz</c>. Returns the group so the host can
    /// restrict it to the API listener, e.g. <c>.RequireHost("*:18080")</c>.
    /// </summary>
    public static RouteGroupBuilder MapMediaflowApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("");
        api.MapMethods("/", [HttpMethods.Post, HttpMethods.Get], MpsFrontDoor.HandleAsync);
        api.MapGet("/healthz", () => Results.Text("ok"));
        return api;
    }
}
