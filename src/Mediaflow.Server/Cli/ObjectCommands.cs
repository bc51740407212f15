using System.CommandLine;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace Mediaflow.Server.Cli;

/// <summary>
/// <c>mediaflow ls|cp|rm</c>: browse, upload (progress bar, multipart for large files), download and delete objects
/// through the store's S3 surface with a key pair (DESIGN §7.2). Exit codes: 0 done, 1 the store refused (its S3
/// error code is printed), 2 the command could not run as asked.
/// </summary>
public static partial class ObjectCommands
{
    /// <summary>Files at least this large are uploaded in parts (S3's own tools use the same threshold).</summary>
    public const long MultipartThreshold = 16L * 1024 * 1024;

    public static IEnumerable<Command> Create(Option<string> dataDirectory)
    {
        var connection = ConnectionOptions.Create(dataDirectory);
        yield return List(connection);
        yield return Copy(connection);
        yield return Remove(connection);
    }

    private static Command List(ConnectionOptions connection)
    {
        var target = new Argument<string?>("s3-url") { Description = "s3://bucket[/prefix]; none lists the buckets.", Arity = ArgumentArity.ZeroOrOne };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "List every key under the prefix instead of one level." };
        var command = new Command("ls", "List buckets, or the objects and common prefixes under s3://bucket/prefix.") { target, recursive };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, connection, async s3 =>
        {
            if (parse.GetValue(target) is not { } url)
            {
                foreach (var bucket in (await s3.ListBucketsAsync(cancellationToken)).Buckets ?? [])
                {
                    Console.Out.WriteLine($"{Time(bucket.CreationDate)}  {bucket.BucketName}");
                }

                return;
            }

            var location = S3Location.Parse(url);
            var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key, Delimiter = parse.GetValue(recursive) ? null : "/" };
            ListObjectsV2Response page;
            do
            {
                page = await s3.ListObjectsV2Async(request, cancellationToken);
                foreach (var prefix in page.CommonPrefixes ?? [])
                {
                    Console.Out.WriteLine($"{"PRE",31} {prefix}");
                }

                foreach (var item in page.S3Objects ?? [])
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Time(item.LastModified)} {item.Size,11} {item.Key}"));
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);
        }));
        return command;
    }

    private static Command Copy(ConnectionOptions connection)
    {
        var source = new Argument<string>("source") { Description = "A local file, or s3://bucket/key." };
        var destination = new Argument<string>("destination") { Description = "s3://bucket/key (a trailing '/' keeps the file name), or a local path (a directory keeps the key's name)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar." };
        var command = new Command("cp", "Upload a file to the store (multipart from 16 MiB) or download an object, with a progress bar on stderr.") { source, destination, quiet };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, connection, async s3 =>
        {
            var (from, to) = (parse.GetValue(source)!, parse.GetValue(destination)!);
            var progress = parse.GetValue(quiet) ? null : Console.Error;
            switch (S3Location.IsS3(from), S3Location.IsS3(to))
            {
                case (false, true):
                    await UploadAsync(s3, from, S3Location.Parse(to), progress, cancellationToken);
                    break;
                case (true, false):
                    await DownloadAsync(s3, S3Location.Parse(from), to, progress, cancellationToken);
                    break;
                default:
                    throw new CliUsageException("cp copies between a local file and s3://bucket/key: exactly one side must be s3://");
            }
        }));
        return command;
    }

    private static Command Remove(ConnectionOptions connection)
    {
        var target = new Argument<string>("s3-url") { Description = "s3://bucket/key, or s3://bucket/prefix with --recursive." };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Delete every object under the prefix." };
        var command = new Command("rm", "Delete an object (or every object under a prefix).") { target, recursive };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, connection, async s3 =>
        {
            var location = S3Location.Parse(parse.GetValue(target)!);
            if (!parse.GetValue(recursive))
            {
                if (location.Key.Length == 0)
                {
                    throw new CliUsageException("rm needs s3://bucket/key (or --recursive for a prefix)");
                }

                await s3.DeleteObjectAsync(location.Bucket, location.Key, cancellationToken);
                Console.Out.WriteLine($"delete: {location}");
                return;
            }

            var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key };
            ListObjectsV2Response page;
            do
            {
                page = await s3.ListObjectsV2Async(request, cancellationToken);
                if (page.S3Objects is { Count: > 0 } objects)
                {
                    await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                    {
                        BucketName = location.Bucket,
                        Objects = objects.Select(o => new KeyVersion { Key = o.Key }).ToList(),
                    }, cancellationToken);
                    foreach (var item in objects)
                    {
                        Console.Out.WriteLine($"delete: {S3Location.Scheme}{location.Bucket}/{item.Key}");
                    }
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);
        }));
        return command;
    }

    private static async Task UploadAsync(AmazonS3Client s3, string path, S3Location to, TextWriter? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"no such file: {path}");
        }

        var key = to.Key.Length == 0 || to.Key.EndsWith('/') ? to.Key + Path.GetFileName(path) : to.Key;
        var length = new FileInfo(path).Length;
        var bar = progress is null ? null : new TransferProgressBar(progress, $"{path} -> {S3Location.Scheme}{to.Bucket}/{key}");
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
        var request = new TransferUtilityUploadRequest { BucketName = to.Bucket, Key = key, FilePath = path, PartSize = MultipartThreshold / 2 };
        if (bar is not null)
        {
            request.UploadProgressEvent += (_, e) => bar.Report(e.TransferredBytes, e.TotalBytes);
        }

        await transfer.UploadAsync(request, cancellationToken);
        bar?.Finish(length);
        Console.Out.WriteLine($"upload: {path} to {S3Location.Scheme}{to.Bucket}/{key}");
    }

    private static async Task DownloadAsync(AmazonS3Client s3, S3Location from, string path, TextWriter? progress, CancellationToken cancellationToken)
    {
        if (from.Key.Length == 0 || from.Key.EndsWith('/'))
        {
            throw new CliUsageException($"cp downloads one object: {from} names no key");
        }

        var target = Directory.Exists(path) || path.EndsWith(Path.DirectorySeparatorChar)
            ? Path.Combine(path, from.Key[(from.Key.LastIndexOf('/') + 1)..])
            : path;
        var bar = progress is null ? null : new TransferProgressBar(progress, $"{from} -> {target}");
        using var response = await s3.GetObjectAsync(from.Bucket, from.Key, cancellationToken);
        if (bar is not null)
        {
            response.WriteObjectProgressEvent += (_, e) => bar.Report(e.TransferredBytes, e.TotalBytes);
        }

        // Written next to the target and renamed when complete: a failed download leaves no partial file under the name.
        var temp = target + ".mediaflow-part";
        try
        {
            await response.WriteResponseStreamToFileAsync(temp, append: false, cancellationToken);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        bar?.Finish(response.ContentLength);
        Console.Out.WriteLine($"download: {from} to {target}");
    }

    /// <summary>Runs one command: usage problems exit 2, the store's refusals exit 1 with its S3 error code.</summary>
    private static async Task<int> RunAsync(ParseResult parse, ConnectionOptions connection, Func<AmazonS3Client, Task> action)
    {
        try
        {
            using var s3 = connection.Connect(parse);
            await action(s3);
            return 0;
        }
        catch (CliUsageException exception)
        {
            await Console.Error.WriteLineAsync($"mediaflow: {exception.Message}");
            return 2;
        }
        catch (AmazonS3Exception exception)
        {
            await Console.Error.WriteLineAsync($"mediaflow: {exception.ErrorCode ?? ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture)}: {exception.Message}");
            return 1;
        }
        catch (Exception exception) when (exception is AmazonClientException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync($"mediaflow: {exception.Message}");
            return 1;
        }
    }

    private static string Time(DateTime? time) =>
        (time ?? default).ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
