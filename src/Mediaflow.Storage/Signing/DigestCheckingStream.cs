namespace Mediaflow.Storage.Signing;

/// <summary>
/// Passes a body through while feeding digests; at the end of the body every digest must match. Disposing disposes
/// the digests, not the inner stream.
/// </summary>
public sealed class DigestCheckingStream(Stream inner, IReadOnlyList<BodyDigest> digests) : ForwardReadStream
{
    private bool verified;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            foreach (var digest in digests)
            {
                digest.Append(buffer.Span[..read]);
            }
        }
        else if (!verified && buffer.Length > 0)
        {
            verified = true;
            foreach (var digest in digests)
            {
                digest.Verify();
            }
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var digest in digests)
            {
                digest.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
