namespace Mediaflow.Api.FrontDoor;

/// <summary>The <c>Response.Error</c> of a refused request.</summary>
public sealed record MpsError(string Code, string Message);
