using System.Net;

namespace Mediaflow.Server.Hosting;

/// <summary>What `serve` needs to start (DESIGN §7.2): everything else is ASP.NET configuration.</summary>
public sealed record ServeOptions(string DataDirectory, IPEndPoint ApiListen, IPEndPoint StoreListen, string Region)
{
    public const string DefaultApiListen = "127.0.0.1:18080";
    public const string DefaultStoreListen = "127.0.0.1:18090";
    public const string DefaultRegion = "ap-guangzhou";
    public const string DefaultDataDirectory = ".mediaflow";

    public static IPEndPoint ParseEndpoint(string value, string option)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IPEndPoint.TryParse(value, out var endpoint))
        {
            throw new ArgumentException($"{option} must be address:port (e.g. 127.0.0.1:18080), got '{value}'");
        }

        return endpoint;
    }
}
