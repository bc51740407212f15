using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Signing;

public sealed class AwsChunkedStreamTests
{
    [Fact]
    public async Task Read_AwsDocumentedChunkedBody_DecodesAndVerifiesChain()
    {
        var data = Enumerable.Repeat((byte)'a', 66560).ToArray();
        var body = Encode(data, [65536, 1024], Chain(), trailer: null);

        var decoded = await ReadAllAsync(new AwsChunkedStream(new MemoryStream(body), Chain()));

        Assert.Equal(data, decoded);
    }

    [Fact]
    public async Task Read_SignedChunksWithCrc32Trailer_VerifiesTrailerSignatureAndChecksum()
    {
        var data = RandomNumberGenerator.GetBytes(10_000);
        var body = Encode(data, [8192, 1808], Chain(), trailer: ("x-amz-checksum-crc32", Crc32Base64(data)));
        var chunked = new AwsChunkedStream(new MemoryStream(body), Chain());
        using var digest = BodyDigest.Checksum("x-amz-checksum-crc32", () => chunked.Trailers.GetValueOrDefault("x-amz-checksum-crc32"))!;

        var decoded = await ReadAllAsync(new DigestCheckingStream(chunked, [digest]));

        Assert.Equal(data, decoded);
        Assert.Equal(Crc32Base64(data), chunked.Trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public async Task Read_CorruptedChunkSignature_SignatureDoesNotMatch()
    {
        var data = RandomNumberGenerator.GetBytes(9000);
        var text = Encoding.Latin1.GetString(Encode(data, [9000], Chain(), trailer: null));
        var at = text.IndexOf("chunk-signature=", StringComparison.Ordinal) + "chunk-signature=".Length;
        var bytes = Encoding.Latin1.GetBytes(text);
        bytes[at] = bytes[at] == (byte)'0' ? (byte)'1' : (byte)'0';

        var error = await Assert.ThrowsAsync<StorageException>(() => ReadAllAsync(new AwsChunkedStream(new MemoryStream(bytes), Chain())));

        Assert.Equal(StorageErrorCode.SignatureDoesNotMatch, error.Code);
    }

    [Fact]
    public async Task Read_TamperedTrailerChecksum_SignatureDoesNotMatch()
    {
        var data = RandomNumberGenerator.GetBytes(100);
        var text = Encoding.Latin1.GetString(Encode(data, [100], Chain(), trailer: ("x-amz-checksum-crc32", Crc32Base64(data))));
        var tampered = Encoding.Latin1.GetBytes(text.Replace("x-amz-checksum-crc32:" + Crc32Base64(data), "x-amz-checksum-crc32:AAAAAA==", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<StorageException>(() => ReadAllAsync(new AwsChunkedStream(new MemoryStream(tampered), Chain())));

        Assert.Equal(StorageErrorCode.SignatureDoesNotMatch, error.Code);
    }

    [Fact]
    public async Task Read_UnsignedTrailerWithWrongCrc_BadDigest()
    {
        var data = RandomNumberGenerator.GetBytes(5000);
        var body = Encode(data, [4096, 904], chain: null, trailer: ("x-amz-checksum-crc32", Crc32Base64([1, 2, 3])));
        var chunked = new AwsChunkedStream(new MemoryStream(body), chain: null);
        using var digest = BodyDigest.Checksum("x-amz-checksum-crc32", () => chunked.Trailers.GetValueOrDefault("x-amz-checksum-crc32"))!;

        var error = await Assert.ThrowsAsync<StorageException>(() => ReadAllAsync(new DigestCheckingStream(chunked, [digest])));

        Assert.Equal(StorageErrorCode.BadDigest, error.Code);
    }

    [Fact]
    public async Task Read_TruncatedBody_IncompleteBody()
    {
        var body = Encode(new byte[3000], [3000], chain: null, trailer: null);

        var error = await Assert.ThrowsAsync<StorageException>(() => ReadAllAsync(new AwsChunkedStream(new MemoryStream(body[..1000]), chain: null)));

        Assert.Equal(StorageErrorCode.IncompleteBody, error.Code);
    }

    private static ChunkSignatureChain Chain() =>
        new(ChunkedExample.SigningKey, SigV4Tests.Timestamp, SigV4Tests.Scope, ChunkedExample.SeedSignature());

    /// <summary>Builds an aws-chunked body the way AWSSDK does, signing with an independent chain instance.</summary>
    private static byte[] Encode(byte[] data, int[] sizes, ChunkSignatureChain? chain, (string Name, string Value)? trailer)
    {
        var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        var offset = 0;
        foreach (var size in sizes.Append(0))
        {
            var chunk = data.AsSpan(offset, size).ToArray();
            offset += size;
            var header = size.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            if (chain is not null)
            {
                var signature = chain.ExpectedChunkSignature(Convert.ToHexStringLower(SHA256.HashData(chunk)));
                chain.Accept(signature, signature);
                header += ";chunk-signature=" + signature;
            }

            Write(header + "\r\n");
            output.Write(chunk);
            if (size > 0)
            {
                Write("\r\n");
            }
        }

        if (trailer is { } t)
        {
            Write($"{t.Name}:{t.Value}\r\n");
            if (chain is not null)
            {
                Write($"x-amz-trailer-signature:{chain.ExpectedTrailerSignature($"{t.Name}:{t.Value}\n")}\r\n");
            }
        }

        Write("\r\n");
        return output.ToArray();
    }

    private static string Crc32Base64(byte[] data)
    {
        var value = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(value, Crc32.HashToUInt32(data));
        return Convert.ToBase64String(value);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
