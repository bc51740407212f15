namespace Mediaflow.Domain.Accounts;

/// <summary>One key pair of an account. The same pair signs TC3 (API), SigV4 and q-sign (object store).</summary>
public sealed record AccessKey(long AppId, string SecretId, string SecretKey, AccessKeyStatus Status);

public enum AccessKeyStatus
{
    Enabled,
    Disabled,
}
