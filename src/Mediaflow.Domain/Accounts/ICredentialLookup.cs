namespace Mediaflow.Domain.Accounts;

/// <summary>Resolves a SecretId to its key pair; the API and the object store both authenticate through it.</summary>
public interface ICredentialLookup
{
    /// <returns>The key, or null when no account has this SecretId.</returns>
    AccessKey? FindBySecretId(string secretId);
}
