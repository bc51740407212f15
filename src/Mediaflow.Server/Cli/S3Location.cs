namespace Mediaflow.Server.Cli;

/// <summary>An <c>s3://bucket/key</c> argument of the object commands. The key may be empty (a bucket, or a prefix).</summary>
public sealed record S3Location(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string argument) => argument?.StartsWith(Scheme, StringComparison.Ordinal) == true;

    /// <exception cref="CliUsageException">Not an s3:// URL, or no bucket.</exception>
    public static S3Location Parse(string argument)
    {
        if (!IsS3(argument))
        {
            throw new CliUsageException($"'{argument}' is not an s3://bucket/key URL");
        }

        var rest = argument[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var (bucket, key) = slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
        if (bucket.Length == 0)
        {
            throw new CliUsageException($"'{argument}' names no bucket");
        }

        return new S3Location(bucket, key);
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
