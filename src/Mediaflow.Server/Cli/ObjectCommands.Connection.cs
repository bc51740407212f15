using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Mediaflow.Application.Accounts;
using Mediaflow.Domain.Accounts;

namespace Mediaflow.Server.Cli;

/// <summary>
/// How the object commands reach the store (DESIGN §7.2: every command but the admin ones goes through the store with a
/// key pair). Endpoint: <c>--endpoint</c>, env <c>MEDIAFLOW_ENDPOINT</c>, else the <c>Store</c> of
/// <c>&lt;data-dir&gt;/endpoints.json</c>. Key pair: <c>--secret-id</c>/<c>--secret-key</c>, env
/// <c>MEDIAFLOW_SECRET_ID</c>/<c>MEDIAFLOW_SECRET_KEY</c>, else the first enabled key of <c>&lt;data-dir&gt;/credentials.json</c>.
/// </summary>
public static partial class ObjectCommands
{
    private sealed record ConnectionOptions(Option<string> DataDirectory, Option<string?> Endpoint, Option<string?> SecretId, Option<string?> SecretKey, Option<string> Region)
    {
        public static ConnectionOptions Create(Option<string> dataDirectory) => new(
            dataDirectory,
            new Option<string?>("--endpoint") { Description = "Store URL, e.g. http://127.0.0.1:18090. Env MEDIAFLOW_ENDPOINT; default: Store in <data-dir>/endpoints.json." },
            new Option<string?>("--secret-id") { Description = "SecretId of the key pair. Env MEDIAFLOW_SECRET_ID; default: the first enabled key in <data-dir>/credentials.json." },
            new Option<string?>("--secret-key") { Description = "SecretKey of the key pair. Env MEDIAFLOW_SECRET_KEY." },
            new Option<string>("--region") { Description = "Region to sign for (any region is accepted by the store).", DefaultValueFactory = _ => "ap-guangzhou" });

        public void AddTo(Command command)
        {
            command.Options.Add(DataDirectory);
            command.Options.Add(Endpoint);
            command.Options.Add(SecretId);
            command.Options.Add(SecretKey);
            command.Options.Add(Region);
        }

        /// <exception cref="CliUsageException">No endpoint or no key pair could be found.</exception>
        public AmazonS3Client Connect(ParseResult parse)
        {
            var directory = Path.GetFullPath(parse.GetValue(DataDirectory)!);
            var endpoint = parse.GetValue(Endpoint) ?? Environment.GetEnvironmentVariable("MEDIAFLOW_ENDPOINT") ?? StoreOf(directory)
                ?? throw new CliUsageException($"no store endpoint: pass --endpoint, set MEDIAFLOW_ENDPOINT, or --data-dir of a running server (no {Path.Combine(directory, "endpoints.json")})");
            var id = parse.GetValue(SecretId) ?? Environment.GetEnvironmentVariable("MEDIAFLOW_SECRET_ID");
            var key = parse.GetValue(SecretKey) ?? Environment.GetEnvironmentVariable("MEDIAFLOW_SECRET_KEY");
            if (id is null || key is null)
            {
                var stored = KeyOf(directory, id)
                    ?? throw new CliUsageException($"no key pair: pass --secret-id and --secret-key, set MEDIAFLOW_SECRET_ID/MEDIAFLOW_SECRET_KEY, or --data-dir with a credentials.json");
                (id, key) = (stored.SecretId, stored.SecretKey);
            }

            return new AmazonS3Client(new BasicAWSCredentials(id, key), new AmazonS3Config
            {
                ServiceURL = endpoint,
                ForcePathStyle = true,
                AuthenticationRegion = parse.GetValue(Region),
            });
        }

        private static string? StoreOf(string directory)
        {
            var path = Path.Combine(directory, "endpoints.json");
            if (!File.Exists(path))
            {
                return null;
            }

            using var endpoints = JsonDocument.Parse(File.ReadAllText(path));
            return endpoints.RootElement.TryGetProperty("Store", out var store) ? store.GetString() : null;
        }

        private static AccessKey? KeyOf(string directory, string? secretId) =>
            File.Exists(Path.Combine(directory, "credentials.json"))
                ? new CredentialStore(directory).AllKeys().FirstOrDefault(k => k.Status == AccessKeyStatus.Enabled && (secretId is null || k.SecretId == secretId))
                : null;
    }
}
