using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Storage.Signing;

/// <summary>
/// One digest a body must match when it ends: the signed hex SHA-256 payload hash, or an <c>x-amz-checksum-*</c>
/// value (header or trailer; base64, CRC32 big-endian as AWS sends it).
/// </summary>
public sealed class BodyDigest : IDisposable
{
    private readonly IncrementalHash? hash;
    private readonly Crc32? crc;
    private readonly Func<string?> expected;
    private readonly bool hex;
    private readonly StorageErrorCode mismatch;

    private BodyDigest(IncrementalHash? hash, Crc32? crc, Func<string?> expected, bool hex, StorageErrorCode mismatch)
    {
        this.hash = hash;
        this.crc = crc;
        this.expected = expected;
        this.hex = hex;
        this.mismatch = mismatch;
    }

    /// <summary>The checksum algorithms we verify; others (crc32c, crc64nvme) are accepted unverified.</summary>
    public static IReadOnlyList<string> VerifiedChecksums { get; } = ["x-amz-checksum-crc32", "x-amz-checksum-sha1", "x-amz-checksum-sha256"];

    public static BodyDigest PayloadSha256(string expectedHex) =>
        new(IncrementalHash.CreateHash(HashAlgorithmName.SHA256), null, () => expectedHex, hex: true, StorageErrorCode.XAmzContentSHA256Mismatch);

    /// <summary>A checksum digest for a header name such as <c>x-amz-checksum-crc32</c>; null when not verified.</summary>
    public static BodyDigest? Checksum(string headerName, Func<string?> expectedBase64) => headerName.ToLowerInvariant() switch
    {
        "x-amz-checksum-crc32" => new(null, new Crc32(), expectedBase64, hex: false, StorageErrorCode.BadDigest),
        "x-amz-checksum-sha1" => new(IncrementalHash.CreateHash(HashAlgorithmName.SHA1), null, expectedBase64, hex: false, StorageErrorCode.BadDigest),
        "x-amz-checksum-sha256" => new(IncrementalHash.CreateHash(HashAlgorithmName.SHA256), null, expectedBase64, hex: false, StorageErrorCode.BadDigest),
        _ => null,
    };

    /// <summary>The computed value in wire form (hex for the payload hash, base64 for checksums).</summary>
    public string? Computed { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        hash?.AppendData(data);
        crc?.Append(data);
    }

    public void Verify()
    {
        byte[] digest;
        if (crc is not null)
        {
            digest = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(digest, crc.GetCurrentHashAsUInt32());
        }
        else
        {
            digest = hash!.GetHashAndReset();
        }

        Computed = hex ? Convert.ToHexStringLower(digest) : Convert.ToBase64String(digest);
        var want = expected();
        if (want is null)
        {
            throw new StorageException(StorageErrorCode.InvalidRequest, "a declared checksum was not sent");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Computed), Encoding.ASCII.GetBytes(hex ? want.ToLowerInvariant() : want)))
        {
            throw new StorageException(mismatch, hex ? "The provided 'x-amz-content-sha256' header does not match what was computed." : "The checksum you specified did not match the calculated checksum.");
        }
    }

    public void Dispose() => hash?.Dispose();
}
