namespace Mediaflow.Storage.Signing;

/// <summary>The <c>Credential=</c> part of a SigV4 signature: access key and scope.</summary>
public sealed record SigV4Credential(string AccessKeyId, string Date, string Region, string Service)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses <c>AKID/20130524/us-east-1/s3/aws4_request</c>; null when malformed.</summary>
    public static SigV4Credential? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts[1].Length != 8 || parts.Any(string.IsNullOrEmpty))
        {
            return null;
        }

        return new SigV4Credential(parts[0], parts[1], parts[2], parts[3]);
    }
}
