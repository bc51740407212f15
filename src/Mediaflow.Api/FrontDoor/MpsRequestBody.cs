using Mediaflow.Domain.Errors;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Api.FrontDoor;

/// <summary>Reads the raw request body before anything else looks at it: the signature covers these exact bytes.</summary>
public static class MpsRequestBody
{
    /// <summary>MPS requests are small JSON documents; the largest (ParseNotification of a big task event) stays far below this.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream(checked((int)(request.ContentLength ?? 0)));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiException TooLarge() =>
        new(FrontDoorErrorCodes.RequestSizeLimitExceeded, $"The request body is larger than {MaxBytes} bytes.");
}
