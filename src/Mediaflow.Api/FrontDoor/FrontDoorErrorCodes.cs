namespace Mediaflow.Api.FrontDoor;

/// <summary>Platform error codes only the front door answers with (not in <see cref="Domain.Errors.ApiErrorCodes"/>).</summary>
public static class FrontDoorErrorCodes
{
    public const string RequestSizeLimitExceeded = "RequestSizeLimitExceeded";
}
