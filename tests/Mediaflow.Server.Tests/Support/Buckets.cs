using System.Security.Cryptography;
using Amazon.S3.Model;

namespace Mediaflow.Server.Tests.Support;

/// <summary>Per-test buckets and objects, made through AWSSDK.S3 (every test creates its own).</summary>
public static class Buckets
{
    /// <summary>Creates <c>&lt;prefix&gt;-&lt;8 hex&gt;</c> for <paramref name="key"/>'s account and returns its name.</summary>
    public static async Task<string> CreateAsync(MediaflowServer server, string prefix, AccountKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var name = $"{prefix}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        using var s3 = server.S3For(key ?? server.Account);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    public static async Task PutFileAsync(MediaflowServer server, string bucket, string key, string path, AccountKey? account = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var s3 = server.S3For(account ?? server.Account);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path });
    }
}
