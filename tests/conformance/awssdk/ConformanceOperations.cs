using System.Security.Cryptography;
using Amazon.S3;

namespace Mediaflow.Conformance.AwsSdk;

/// <summary>
/// The conformance operations, in the order they run (each builds on the previous ones, as a user's session would).
/// The names match tests/conformance/support/reported.mjs.
/// </summary>
internal sealed partial class ConformanceOperations(IAmazonS3 s3, string bucket, string workDir, bool plain, TimeProvider time)
{
    private static readonly string[] ListingKeys = ["list/a.txt", "list/b.txt", "list/c.txt", "list/d/1.txt", "list/d/2.txt", "list/e/1.txt"];
    private const int PartSize = 5 * 1024 * 1024;

    private readonly byte[] small = File.ReadAllBytes(Path.Combine(workDir, "small.txt"));
    private readonly string bigPath = Path.Combine(workDir, "big.bin");

    public IEnumerable<(string Name, Func<Task> Run)> All() =>
    [
        ("create-bucket", CreateBucket),
        ("put-object-metadata", PutObjectWithMetadata),
        ("get-object", GetObject),
        ("get-range", GetRanges),
        ("multipart-upload", MultipartUpload),
        ("list-delimiter", ListWithDelimiter),
        ("list-pagination", ListPages),
        ("copy-object", CopyObject),
        ("delete-objects", DeleteObjects),
        ("presigned-get", PresignedGet),
        ("delete-object", DeleteObject),
        ("delete-bucket", DeleteBucket),
    ];

    private static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
