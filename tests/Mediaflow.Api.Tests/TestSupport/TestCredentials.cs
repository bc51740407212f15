using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mediaflow.Domain.Accounts;

namespace Mediaflow.Api.Tests.TestSupport;

/// <summary>An in-memory key store; every test creates its own keys.</summary>
public sealed class TestCredentials : ICredentialLookup
{
    private readonly ConcurrentDictionary<string, AccessKey> keys = new(StringComparer.Ordinal);

    public AccessKey CreateKey(AccessKeyStatus status = AccessKeyStatus.Enabled)
    {
        var key = new AccessKey(
            1_250_000_000 + RandomNumberGenerator.GetInt32(1_000_000),
            "AKID" + RandomNumberGenerator.GetHexString(32),
            RandomNumberGenerator.GetHexString(40, lowercase: true),
            status);
        keys[key.SecretId] = key;
        return key;
    }

    /// <summary>Adds or replaces a fixed key (test vectors).</summary>
    public void Add(AccessKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        keys[key.SecretId] = key;
    }

    public AccessKey? FindBySecretId(string secretId) => keys.GetValueOrDefault(secretId);
}
