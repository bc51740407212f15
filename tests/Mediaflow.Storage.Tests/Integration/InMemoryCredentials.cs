using Mediaflow.Domain.Accounts;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>A fixed set of generated keys (the real lookup reads credentials.json; its behaviour is not under test here).</summary>
internal sealed class InMemoryCredentials(params AccessKey[] keys) : ICredentialLookup
{
    public AccessKey? FindBySecretId(string secretId) => keys.FirstOrDefault(k => k.SecretId == secretId);

    public static AccessKey NewKey(long appId) =>
        new(appId, "AKID" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Guid.NewGuid().ToString("N"), AccessKeyStatus.Enabled);
}
