using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Storage.Signing;

/// <summary>
/// Decodes an <c>aws-chunked</c> body as it is read: <c>hex-size[;chunk-signature=sig]\r\n data \r\n</c> chunks, a
/// final 0-size chunk, then optional trailing headers (<c>x-amz-checksum-crc32:…</c>, <c>x-amz-trailer-signature:…</c>)
/// and an empty line. With a <see cref="ChunkSignatureChain"/> every chunk signature and the trailer signature are
/// verified (<see cref="StorageErrorCode.SignatureDoesNotMatch"/>); a chunk's bytes are handed out before its signature
/// is checked, so the caller must commit nothing until the stream has reached its end.
/// </summary>
public sealed class AwsChunkedStream : ForwardReadStream
{
    private const int MaxLineLength = 4096;
    private const string SignatureExtension = "chunk-signature=";
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    private readonly Stream inner;
    private readonly ChunkSignatureChain? chain;
    private readonly byte[] window = new byte[64 * 1024];
    private readonly Dictionary<string, string> trailers = new(StringComparer.OrdinalIgnoreCase);
    private IncrementalHash? chunkHash;
    private int position;
    private int length;
    private long chunkRemaining;
    private string? chunkSignature;
    private bool finished;

    public AwsChunkedStream(Stream inner, ChunkSignatureChain? chain)
    {
        this.inner = inner;
        this.chain = chain;
        chunkHash = chain is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <summary>The trailing headers (signature excluded), available once the stream has been read to its end.</summary>
    public IReadOnlyDictionary<string, string> Trailers => trailers;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!finished && chunkRemaining == 0)
        {
            await StartChunkAsync(cancellationToken);
        }

        if (finished || buffer.Length == 0)
        {
            return 0;
        }

        if (position == length && !await FillAsync(cancellationToken))
        {
            throw Incomplete();
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, length - position), chunkRemaining);
        window.AsMemory(position, count).CopyTo(buffer);
        chunkHash?.AppendData(window, position, count);
        position += count;
        chunkRemaining -= count;
        if (chunkRemaining == 0)
        {
            await EndChunkAsync(cancellationToken);
        }

        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task StartChunkAsync(CancellationToken cancellationToken)
    {
        var header = await ReadLineAsync(cancellationToken) ?? throw Incomplete();
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var sizeText = semicolon < 0 ? header : header[..semicolon];
        if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "malformed aws-chunked chunk header");
        }

        chunkSignature = null;
        if (semicolon >= 0)
        {
            var extension = header[(semicolon + 1)..];
            if (extension.StartsWith(SignatureExtension, StringComparison.Ordinal))
            {
                chunkSignature = extension[SignatureExtension.Length..];
            }
        }

        if (chain is not null && chunkSignature is null)
        {
            throw new StorageException(StorageErrorCode.SignatureDoesNotMatch, "a chunk of the signed aws-chunked body has no signature");
        }

        chunkRemaining = size;
        if (size == 0)
        {
            VerifyChunkSignature();
            await ReadTrailersAsync(cancellationToken);
            finished = true;
        }
    }

    private async Task EndChunkAsync(CancellationToken cancellationToken)
    {
        var rest = await ReadLineAsync(cancellationToken);
        if (rest is null || rest.Length != 0)
        {
            throw new StorageException(StorageErrorCode.IncompleteBody, "a chunk of the aws-chunked body does not end with CRLF");
        }

        VerifyChunkSignature();
    }

    private void VerifyChunkSignature()
    {
        if (chain is null || chunkHash is null)
        {
            return;
        }

        var dataHash = Convert.ToHexStringLower(chunkHash.GetHashAndReset());
        chain.Accept(chain.ExpectedChunkSignature(dataHash), chunkSignature!);
    }

    private async Task ReadTrailersAsync(CancellationToken cancellationToken)
    {
        string? signature = null;
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (trailers.Count == 0 && signature is null)
                {
                    continue;
                }

                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new StorageException(StorageErrorCode.InvalidArgument, "malformed aws-chunked trailer");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == TrailerSignatureName)
            {
                signature = value;
            }
            else
            {
                trailers[name] = value;
                canonical[name] = value;
            }
        }

        if (chain is not null && trailers.Count > 0)
        {
            var text = string.Concat(canonical.Select(t => $"{t.Key}:{t.Value}\n"));
            chain.Accept(chain.ExpectedTrailerSignature(text), signature ?? throw new StorageException(StorageErrorCode.SignatureDoesNotMatch, "the trailer has no signature"));
        }
    }

    /// <summary>The next CRLF-terminated line without its terminator, or null at the end of the body.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (position == length && !await FillAsync(cancellationToken))
            {
                return line.Length == 0 ? null : throw Incomplete();
            }

            var span = window.AsSpan(position, length - position);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            line.Append(Encoding.ASCII.GetString(span[..take]));
            position += newline < 0 ? take : take + 1;
            if (line.Length > MaxLineLength)
            {
                throw new StorageException(StorageErrorCode.InvalidArgument, "aws-chunked line too long");
            }

            if (newline >= 0)
            {
                return line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        position = 0;
        length = await inner.ReadAsync(window, cancellationToken);
        return length > 0;
    }

    private static StorageException Incomplete() => new(StorageErrorCode.IncompleteBody, "the aws-chunked body ended early");
}
