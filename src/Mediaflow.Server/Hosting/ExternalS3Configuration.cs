using Mediaflow.Storage.External;
using Microsoft.Extensions.Configuration;

namespace Mediaflow.Server.Hosting;

/// <summary>
/// Reads configuration section <c>ExternalS3</c>: <c>Endpoints:&lt;S3Region&gt;</c> (URL), <c>EventSecret</c>,
/// <c>ReconcileIntervalSeconds</c> (default 60), <c>ReconcileMarginSeconds</c> (default 900).
/// </summary>
public static class ExternalS3Configuration
{
    public static ExternalS3Options From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("ExternalS3");
        var endpoints = section.GetSection("Endpoints").GetChildren()
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        foreach (var (region, url) in endpoints)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"ExternalS3:Endpoints:{region} must be an absolute http(s) URL, is '{url}'");
            }
        }

        return new ExternalS3Options
        {
            Endpoints = endpoints,
            EventSecret = section["EventSecret"] ?? "",
            ReconcileInterval = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("ReconcileIntervalSeconds", 60))),
            ReconcileMargin = TimeSpan.FromSeconds(Math.Max(0, section.GetValue("ReconcileMarginSeconds", 900))),
        };
    }
}
