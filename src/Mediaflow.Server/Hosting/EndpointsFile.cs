using System.Net;
using System.Text.Json;

namespace Mediaflow.Server.Hosting;

/// <summary><c>&lt;data-dir&gt;/endpoints.json</c>, written when the server is ready (tests and tools read it).</summary>
public sealed record EndpointsFile(string Api, string Store, string Console)
{
    public static EndpointsFile From(IPEndPoint api, IPEndPoint store)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(store);
        var apiUrl = $"http://{api}";
        return new EndpointsFile(apiUrl, $"http://{store}", $"{apiUrl}/console/");
    }

    public static void Delete(string dataDirectory) => File.Delete(Path.Combine(dataDirectory, "endpoints.json"));

    public void Write(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "endpoints.json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this));
        File.Move(temp, path, overwrite: true);
    }
}
