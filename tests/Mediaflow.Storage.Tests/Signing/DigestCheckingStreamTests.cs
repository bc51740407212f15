using System.Security.Cryptography;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Signing;

public sealed class DigestCheckingStreamTests
{
    [Fact]
    public async Task Read_BodyMatchesSignedSha256_PassesThrough()
    {
        var data = RandomNumberGenerator.GetBytes(1000);
        using var digest = BodyDigest.PayloadSha256(Convert.ToHexStringLower(SHA256.HashData(data)));
        await using var stream = new DigestCheckingStream(new MemoryStream(data), [digest]);
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public async Task Read_BodyDiffersFromSignedSha256_XAmzContentSHA256Mismatch()
    {
        using var digest = BodyDigest.PayloadSha256(SigV4.EmptySha256);
        await using var stream = new DigestCheckingStream(new MemoryStream([1, 2, 3]), [digest]);

        var error = await Assert.ThrowsAsync<StorageException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(StorageErrorCode.XAmzContentSHA256Mismatch, error.Code);
    }

    [Fact]
    public async Task Read_Sha256ChecksumHeaderMismatch_BadDigest()
    {
        using var digest = BodyDigest.Checksum("x-amz-checksum-sha256", () => Convert.ToBase64String(SHA256.HashData([9])))!;
        await using var stream = new DigestCheckingStream(new MemoryStream([1, 2, 3]), [digest]);

        var error = await Assert.ThrowsAsync<StorageException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(StorageErrorCode.BadDigest, error.Code);
    }
}
