using System.Globalization;
using System.IO.Pipelines;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Http;

/// <summary>
/// The decoded, verifying request body: aws-chunked decoding with chunk signatures, the signed payload hash, and
/// <c>x-amz-checksum-*</c> (header or trailer) are all checked by the time the stream reports its end.
/// </summary>
internal sealed class RequestBody : IAsyncDisposable
{
    private readonly List<BodyDigest> checksums;
    private readonly List<Stream> owned;

    private RequestBody(Stream stream, PipeReader reader, long? expectedSize, byte[]? contentMd5, List<BodyDigest> checksums, string? checksumHeader, List<Stream> owned)
    {
        this.owned = owned;
        Stream = stream;
        Reader = reader;
        ExpectedSize = expectedSize;
        ContentMd5 = contentMd5;
        this.checksums = checksums;
        ChecksumHeader = checksumHeader;
    }

    public Stream Stream { get; }

    /// <summary>
    /// The body as a pipe: Kestrel's own request pipe when no decoding layer sits in between (its buffers are consumed
    /// as they are, no copy), else a pipe over <see cref="Stream"/>.
    /// </summary>
    public PipeReader Reader { get; }

    public long? ExpectedSize { get; }

    public byte[]? ContentMd5 { get; }

    /// <summary>The verified checksum's header name, to echo with <see cref="ChecksumValue"/>.</summary>
    public string? ChecksumHeader { get; }

    public string? ChecksumValue => checksums.Count > 0 ? checksums[0].Computed : null;

    public static RequestBody Open(StoreRequest request, Caller caller)
    {
        var raw = request.Http.Body;
        var streaming = caller.Mode is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer;
        var digests = new List<BodyDigest>();
        var checksums = new List<BodyDigest>();
        Stream stream = raw;
        long? expectedSize;
        string? checksumHeader = null;
        var owned = new List<Stream>();
        if (streaming)
        {
            var chunked = new AwsChunkedStream(raw, caller.Chain);
            stream = chunked;
            owned.Add(chunked);
            expectedSize = ParseLength(request.Header("x-amz-decoded-content-length"))
                ?? throw new StorageException(StorageErrorCode.MissingContentLength, "x-amz-decoded-content-length is required for aws-chunked bodies");
            var trailer = request.Header("x-amz-trailer")?.Trim().ToLowerInvariant();
            if (trailer is not null && BodyDigest.Checksum(trailer, () => chunked.Trailers.GetValueOrDefault(trailer)) is { } fromTrailer)
            {
                checksums.Add(fromTrailer);
                checksumHeader = trailer;
            }
        }
        else
        {
            expectedSize = request.Http.ContentLength;
            if (caller.PayloadSha256 is { } sha)
            {
                digests.Add(BodyDigest.PayloadSha256(sha));
            }
        }

        if (checksumHeader is null)
        {
            foreach (var name in BodyDigest.VerifiedChecksums)
            {
                if (request.Header(name) is { } value && BodyDigest.Checksum(name, () => value) is { } fromHeader)
                {
                    checksums.Add(fromHeader);
                    checksumHeader = name;
                    break;
                }
            }
        }

        digests.AddRange(checksums);
        if (digests.Count > 0)
        {
            stream = new DigestCheckingStream(stream, digests);
            owned.Add(stream);
        }

        var reader = owned.Count == 0 ? request.Http.BodyReader : PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 128 * 1024, leaveOpen: true));
        return new RequestBody(stream, reader, expectedSize, ParseMd5(request.Header("Content-MD5")), checksums, checksumHeader, owned);
    }

    /// <summary>Disposes the decoding layers; the raw request body belongs to the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (owned.Count > 0)
        {
            await Reader.CompleteAsync(); // the pipe over the decoding layers is ours; Kestrel's own is not
        }

        foreach (var stream in owned)
        {
            await stream.DisposeAsync();
        }
    }

    private static long? ParseLength(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;

    private static byte[]? ParseMd5(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var md5 = Convert.FromBase64String(value);
            return md5.Length == 16 ? md5 : throw new StorageException(StorageErrorCode.InvalidDigest);
        }
        catch (FormatException)
        {
            throw new StorageException(StorageErrorCode.InvalidDigest);
        }
    }
}
