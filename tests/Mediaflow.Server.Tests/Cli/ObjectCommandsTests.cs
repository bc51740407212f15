using System.Security.Cryptography;
using Amazon.S3;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Cli;

/// <summary><c>mediaflow ls|cp|rm</c> run as separate processes against a real server, checked through AWSSDK.S3.</summary>
public sealed class ObjectCommandsTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    [Fact]
    public async Task CpLsRm_WithDataDirectory_UploadListDownloadDelete()
    {
        var bucket = await Buckets.CreateAsync(server, "cli");
        var local = await WriteRandomAsync("clip.bin", 200_000);

        var upload = await Cli("cp", local, $"s3://{bucket}/dir/", "--data-dir", server.DataDirectory);
        var levels = await Cli("ls", $"s3://{bucket}/", "--data-dir", server.DataDirectory);
        var inside = await Cli("ls", $"s3://{bucket}/dir/", "--data-dir", server.DataDirectory);
        var buckets = await Cli("ls", "--data-dir", server.DataDirectory);
        var back = Path.Combine(server.WorkDirectory, RandomNumberGenerator.GetHexString(8));
        Directory.CreateDirectory(back);
        var download = await Cli("cp", $"s3://{bucket}/dir/clip.bin", back + "/", "--data-dir", server.DataDirectory);

        Assert.Contains("100%", upload.Stderr, StringComparison.Ordinal);
        Assert.Contains($"upload: {local} to s3://{bucket}/dir/clip.bin", upload.Stdout, StringComparison.Ordinal);
        Assert.Contains("PRE dir/", levels.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("clip.bin", levels.Stdout, StringComparison.Ordinal);
        Assert.Matches(@" 200000 dir/clip\.bin", inside.Stdout);
        Assert.Contains(bucket, buckets.Stdout, StringComparison.Ordinal);
        Assert.Contains("100%", download.Stderr, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(local), await File.ReadAllBytesAsync(Path.Combine(back, "clip.bin")));

        await Cli("rm", $"s3://{bucket}/dir/clip.bin", "--data-dir", server.DataDirectory);

        using var s3 = server.S3For(server.Account);
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "dir/clip.bin"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Cp_LargeFile_UploadedInPartsAndDownloadedIntact()
    {
        var bucket = await Buckets.CreateAsync(server, "clibig");
        var local = await WriteRandomAsync("big.bin", 17 * 1024 * 1024);

        await Cli("cp", local, $"s3://{bucket}/big.bin", "--data-dir", server.DataDirectory);

        using var s3 = server.S3For(server.Account);
        var head = await s3.GetObjectMetadataAsync(bucket, "big.bin");
        Assert.EndsWith("-3\"", head.ETag, StringComparison.Ordinal); // 8 + 8 + 1 MiB parts
        var back = Path.Combine(server.WorkDirectory, RandomNumberGenerator.GetHexString(8) + ".bin");
        await Cli("cp", $"s3://{bucket}/big.bin", back, "-q", "--data-dir", server.DataDirectory);
        var (sent, got) = (await File.ReadAllBytesAsync(local), await File.ReadAllBytesAsync(back));
        Assert.True(sent.AsSpan().SequenceEqual(got), "downloaded bytes differ");
    }

    [Fact]
    public async Task Ls_EndpointAndKeyFromEnvironment_NoDataDirectoryNeeded()
    {
        var bucket = await Buckets.CreateAsync(server, "clienv");
        var empty = Directory.CreateTempSubdirectory("mf-cli-").FullName;
        try
        {
            var result = await MediaflowCli.RunWithEnvironmentAsync(new Dictionary<string, string>
            {
                ["MEDIAFLOW_ENDPOINT"] = server.Store.ToString(),
                ["MEDIAFLOW_SECRET_ID"] = server.Account.SecretId,
                ["MEDIAFLOW_SECRET_KEY"] = server.Account.SecretKey,
            }, "ls", "--data-dir", empty);

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains(bucket, result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Cp_MissingObject_ExitOneWithNoSuchKeyAndNoFileLeft()
    {
        var bucket = await Buckets.CreateAsync(server, "climiss");
        var target = Path.Combine(server.WorkDirectory, RandomNumberGenerator.GetHexString(8) + ".bin");

        var result = await MediaflowCli.RunAsync("cp", $"s3://{bucket}/nothing.bin", target, "--data-dir", server.DataDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NoSuchKey", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".mediaflow-part"));
    }

    [Fact]
    public async Task Ls_WrongSecretKeyOption_ExitOneWithTheStoreErrorCode()
    {
        var result = await MediaflowCli.RunAsync("ls", "--endpoint", server.Store.ToString(), "--secret-id", server.Account.SecretId, "--secret-key", "wrong");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SignatureDoesNotMatch", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ls_NothingToConnectTo_ExitTwoSayingWhatIsMissing()
    {
        var empty = Directory.CreateTempSubdirectory("mf-cli-").FullName;
        try
        {
            var result = await MediaflowCli.RunAsync("ls", "--data-dir", empty);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("no store endpoint", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Help_ListsTheObjectCommands()
    {
        var result = await MediaflowCli.RunAsync("--help");

        foreach (var command in new[] { "ls", "cp", "rm" })
        {
            Assert.Matches($@"(?m)^\s+{command}\b", result.Stdout);
        }
    }

    private static async Task<MediaflowCli.Result> Cli(params string[] arguments)
    {
        var result = await MediaflowCli.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"mediaflow {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    private async Task<string> WriteRandomAsync(string name, int length)
    {
        var directory = Path.Combine(server.WorkDirectory, RandomNumberGenerator.GetHexString(8));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(length));
        return path;
    }
}
