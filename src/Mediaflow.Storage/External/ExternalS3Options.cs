namespace Mediaflow.Storage.External;

/// <summary>
/// Configuration section <c>ExternalS3</c> (DESIGN §7.7): the S3-compatible endpoint of each region that external
/// triggers and outputs may name, the shared secret of the event intake, and the reconciliation pace.
/// </summary>
public sealed class ExternalS3Options
{
    /// <summary><c>ExternalS3:Endpoints:&lt;S3Region&gt;</c> = the service URL, e.g. <c>https://s3.us-east-1.amazonaws.com</c>.</summary>
    public Dictionary<string, string> Endpoints { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The secret a webhook must present on <c>POST /mf/s3-events/&lt;S3Region&gt;</c> (header <c>X-Mf-Event-Secret</c>
    /// or <c>Authorization: Bearer …</c>). Empty: the intake refuses every request.
    /// </summary>
    public string EventSecret { get; init; } = "";

    /// <summary>How often every enabled external trigger lists its Dir to catch missed events.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How far before the watermark a reconciliation still looks: an object's LastModified is when its upload
    /// started, so a long upload appears in listings with an older time than objects listed before it.
    /// </summary>
    public TimeSpan ReconcileMargin { get; init; } = TimeSpan.FromMinutes(15);

    public Uri? EndpointOf(string region) =>
        Endpoints.TryGetValue(region, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
