// AWSSDK.S3 conformance client. Usage:
//   Mediaflow.Conformance.AwsSdk <endpoint> <access-key> <secret-key> <region> <bucket> <default|plain> <work-dir>
// Runs ConformanceOperations in order and prints one JSON line per operation: {"op","ok","error"}.
// "default" is the SDK's out-of-the-box behaviour (aws-chunked signed streaming with CRC32 trailers); "plain" is the
// compatibility mode of stack-notes §4: WHEN_REQUIRED checksums and UseChunkEncoding = false (plain signed bodies).
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Mediaflow.Conformance.AwsSdk;

if (args.Length != 7 || args[5] is not ("default" or "plain"))
{
    await Console.Error.WriteLineAsync("usage: <endpoint> <access-key> <secret-key> <region> <bucket> <default|plain> <work-dir>");
    return 2;
}

var plain = args[5] == "plain";
var config = new AmazonS3Config { ServiceURL = args[0], ForcePathStyle = true, AuthenticationRegion = args[3], MaxErrorRetry = 0 };
if (plain)
{
    config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
    config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
}

using var s3 = new AmazonS3Client(new BasicAWSCredentials(args[1], args[2]), config);
var operations = new ConformanceOperations(s3, args[4], args[6], plain, TimeProvider.System);
foreach (var (name, run) in operations.All())
{
    string? error = null;
    try
    {
        await run();
    }
    catch (Exception e) // every failure is reported and the next operation still runs
    {
        error = e.ToString();
    }

    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?> { ["op"] = name, ["ok"] = error is null, ["error"] = error }));
}

return 0;
