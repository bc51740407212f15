using Mediaflow.Application.ExternalS3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediaflow.Api.ExternalS3;

/// <summary>
/// The external S3 event intake (DESIGN §7.7), beside the MPS front door on the API listener:
/// <c>POST /mf/s3-events/{region}</c> takes the S3 event-notification JSON a bucket's webhook sends;
/// <c>POST /mf/s3-events/{region}/reconcile</c> runs the list reconciliation of that region's triggers now.
/// Both need the shared secret (<c>X-Mf-Event-Secret</c>, or <c>Authorization: Bearer …</c> as MinIO's webhook target
/// sends its auth_token): 401 without it, 403 with a wrong one; 404 for a region with no configured endpoint.
/// </summary>
public static class S3EventsEndpoint
{
    public const string SecretHeader = "X-Mf-Event-Secret";

    /// <summary>Answers use the MPS API's PascalCase names.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Json = new();

    public static IEndpointRouteBuilder MapExternalS3Events(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/mf/s3-events/{region}", ReceiveAsync);
        endpoints.MapPost("/mf/s3-events/{region}/reconcile", ReconcileAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string region, HttpRequest request, ExternalS3EventService events, CancellationToken cancellationToken)
    {
        if (Refusal(region, request, events) is { } refused)
        {
            return refused;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            var outcome = await events.ReceiveAsync(region, body, cancellationToken);
            return Results.Json(new { outcome.Received, outcome.Skipped, outcome.TasksCreated }, Json);
        }
        catch (FormatException exception)
        {
            return Results.Json(new { Error = $"not an S3 event notification: {exception.Message}" }, Json, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ReconcileAsync(string region, HttpRequest request, ExternalS3EventService events, CancellationToken cancellationToken)
    {
        if (Refusal(region, request, events) is { } refused)
        {
            return refused;
        }

        return Results.Json(new { TasksCreated = await events.ReconcileAsync(region, cancellationToken) }, Json);
    }

    private static IResult? Refusal(string region, HttpRequest request, ExternalS3EventService events)
    {
        var presented = request.Headers[SecretHeader].ToString();
        if (presented.Length == 0 && request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }

        return events.Authorize(presented) switch
        {
            ExternalS3EventService.Access.Missing => Results.Json(new { Error = $"the {SecretHeader} header is required" }, Json, statusCode: StatusCodes.Status401Unauthorized),
            ExternalS3EventService.Access.Wrong => Results.Json(new { Error = "wrong event secret" }, Json, statusCode: StatusCodes.Status403Forbidden),
            _ when !events.KnowsRegion(region) => Results.Json(new { Error = $"no external S3 endpoint is configured for region '{region}'" }, Json, statusCode: StatusCodes.Status404NotFound),
            _ => null,
        };
    }
}
