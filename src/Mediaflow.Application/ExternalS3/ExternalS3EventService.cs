using System.Security.Cryptography;
using System.Text;
using Mediaflow.Engine.Triggers;
using Mediaflow.Storage.External;

namespace Mediaflow.Application.ExternalS3;

/// <summary>
/// The S3 event intake behind <c>POST /mf/s3-events/&lt;S3Region&gt;</c> and the on-demand reconciliation behind
/// <c>POST /mf/s3-events/&lt;S3Region&gt;/reconcile</c>: check the shared secret, then hand the objects to the engine.
/// </summary>
public sealed class ExternalS3EventService(ExternalS3Options options, ExternalS3Intake intake, ExternalS3Reconciler reconciler)
{
    public enum Access
    {
        Granted,
        Missing,
        Wrong,
    }

    public sealed record Outcome(int Received, int Skipped, int TasksCreated);

    /// <summary>Constant-time comparison with <see cref="ExternalS3Options.EventSecret"/>; an unset secret grants nothing.</summary>
    public Access Authorize(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return Access.Missing;
        }

        var expected = Encoding.UTF8.GetBytes(options.EventSecret);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(presented)) ? Access.Granted : Access.Wrong;
    }

    public bool KnowsRegion(string region) => options.EndpointOf(region) is not null;

    /// <exception cref="FormatException">The body is not an S3 event notification.</exception>
    public async Task<Outcome> ReceiveAsync(string region, string body, CancellationToken cancellationToken)
    {
        var (created, skipped) = S3EventNotification.Parse(body);
        var tasks = 0;
        foreach (var item in created)
        {
            tasks += await intake.OfferReportedAsync(region, item.Bucket, item.Key, item.ETag, cancellationToken);
        }

        return new Outcome(created.Count, skipped, tasks);
    }

    public async Task<int> ReconcileAsync(string region, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(region, cancellationToken);
}
