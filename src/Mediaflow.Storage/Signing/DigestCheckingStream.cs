namespace Mediaflow.Storage.Signing;

/// <summary>
/// Passes a body through while feeding digests; at the end of the body every digest must match. Disposing disposes
/// the digests, not the inner stream.
/// </summary>
public sealed class DigestCheckingStream(Stream inner, IReadOnlyList<BodyDigest> digests) : Stream
{
    private bool verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

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

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
