using Mediaflow.WebConsole.Endpoints;
using Mediaflow.WebConsole.Sessions;
using Mediaflow.WebConsole.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.WebConsole;

/// <summary>Hosting entry points of the web console (docs/console.md).</summary>
public static class ConsoleEndpoints
{
    public static IServiceCollection AddMediaflowConsole(this IServiceCollection services, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<ConsoleUserService>();
        services.AddSingleton(new StaticConsole(options.ResolveRoot()));
        return services;
    }

    /// <summary>
    /// <c>/console/api/session</c>, <c>/console/api/mps/{Action}</c>, <c>/console/api/buckets…</c> and the app itself
    /// under <c>/console/</c>. The host maps it on the API listener only.
    /// </summary>
    public static RouteGroupBuilder MapMediaflowConsole(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapGroup("/console");
        var api = console.MapGroup("/api");
        api.MapPost("/session", SessionEndpoints.SignInAsync);
        api.MapGet("/session", SessionEndpoints.WhoAmIAsync);
        api.MapDelete("/session", SessionEndpoints.SignOutAsync);
        api.MapPost("/mps/{action}", ActionEndpoint.HandleAsync);
        BucketEndpoints.Map(api);
        api.Map("/{**rest}", context => ConsoleResults.ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", "No such console API route."));

        // One catch-all: "/console", "/console/" and every app path (a second "/" route would be ambiguous with it).
        console.MapGet("/{**path}", (HttpContext context, string? path) =>
        {
            if (!context.Request.Path.Value!.StartsWith("/console/", StringComparison.Ordinal))
            {
                context.Response.Redirect("/console/");
                return Task.CompletedTask;
            }

            return context.RequestServices.GetRequiredService<StaticConsole>().ServeAsync(context, path);
        });
        return console;
    }
}
