namespace Mediaflow.Application.Accounts;

/// <summary>The on-disk shape of <c>credentials.json</c> (DESIGN §7.2).</summary>
public sealed class CredentialsFile
{
    public List<AccountEntry> Accounts { get; set; } = [];

    public sealed class AccountEntry
    {
        public long AppId { get; set; }
        public List<KeyEntry> Keys { get; set; } = [];
    }

    public sealed class KeyEntry
    {
        public string SecretId { get; set; } = "";
        public string SecretKey { get; set; } = "";
        public string Status { get; set; } = "Enabled";
    }
}
