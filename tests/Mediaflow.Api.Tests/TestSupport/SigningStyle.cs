namespace Mediaflow.Api.Tests.TestSupport;

/// <summary>How the official SDKs fill the signed <c>host</c> and the credential-scope service (reference/mps-api.md §1.2).</summary>
public enum SigningStyle
{
    /// <summary>Node: host WITHOUT the port, service = first label of the endpoint (<c>127</c> for 127.0.0.1:port).</summary>
    Node,

    /// <summary>Python/Go: host WITH the port, service <c>mps</c>.</summary>
    Python,
}
