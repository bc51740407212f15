using System.Security.Cryptography;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace Mediaflow.Conformance.AwsSdk;

internal sealed partial class ConformanceOperations
{
    /// <summary>
    /// Default mode: TransferUtility, as most applications upload. Plain mode: the low-level calls with plain part
    /// bodies. Either way 11 MiB in 5 MiB parts → an ETag ending in -3, and a download with the same MD5.
    /// </summary>
    private async Task MultipartUpload()
    {
        const string key = "big/big.bin";
        if (plain)
        {
            await LowLevelMultipart(key);
        }
        else
        {
            using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = PartSize });
            await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = bucket, Key = key, FilePath = bigPath, PartSize = PartSize });
        }

        var head = await s3.GetObjectMetadataAsync(bucket, key);
        Check.That(head.ETag.EndsWith("-3\"", StringComparison.Ordinal), $"multipart ETag {head.ETag}");
        using var res = await s3.GetObjectAsync(bucket, key);
        using var md5 = MD5.Create();
        var downloaded = Convert.ToHexStringLower(await md5.ComputeHashAsync(res.ResponseStream));
        Check.Equal(Md5Hex(await File.ReadAllBytesAsync(bigPath)), downloaded, "downloaded MD5");
    }

    private async Task LowLevelMultipart(string key)
    {
        var init = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key });
        var bytes = await File.ReadAllBytesAsync(bigPath);
        var parts = new List<PartETag>();
        for (int offset = 0, number = 1; offset < bytes.Length; offset += PartSize, number++)
        {
            var length = Math.Min(PartSize, bytes.Length - offset);
            var part = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket, Key = key, UploadId = init.UploadId, PartNumber = number,
                InputStream = new MemoryStream(bytes, offset, length), PartSize = length, UseChunkEncoding = false,
            });
            parts.Add(new PartETag(number, part.ETag));
        }

        var listed = await s3.ListPartsAsync(new ListPartsRequest { BucketName = bucket, Key = key, UploadId = init.UploadId });
        Check.Equal(parts.Count, (listed.Parts ?? []).Count, "ListParts count");
        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = init.UploadId, PartETags = parts });
    }
}
