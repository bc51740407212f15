using System.Security.Cryptography;
using System.Text.Json;
using Mediaflow.Domain.Accounts;

namespace Mediaflow.Application.Accounts;

/// <summary>
/// Accounts and key pairs in <c>&lt;data-dir&gt;/credentials.json</c> (mode 0600). The server and the admin CLI share the
/// file: a lookup that misses re-reads it when it changed, so keys created by <c>mediaflow keys create</c> work at once.
/// Writes go to a temp file that is fsynced and renamed over the old one.
/// </summary>
public sealed class CredentialStore : ICredentialLookup
{
    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };
    private readonly string _path;
    private readonly Lock _gate = new();
    private CredentialsFile _file = new();
    private DateTime _loadedWriteTime;

    public CredentialStore(string dataDirectory)
    {
        _path = Path.Combine(dataDirectory, "credentials.json");
        Reload();
    }

    public string FilePath => _path;

    public AccessKey? FindBySecretId(string secretId)
    {
        lock (_gate)
        {
            var key = Find(secretId);
            if (key is null && File.Exists(_path) && File.GetLastWriteTimeUtc(_path) != _loadedWriteTime)
            {
                Reload();
                key = Find(secretId);
            }

            return key;
        }
    }

    public IReadOnlyList<AccessKey> AllKeys()
    {
        lock (_gate)
        {
            Reload();
            return _file.Accounts.SelectMany(a => a.Keys.Select(k => ToKey(a.AppId, k))).ToList();
        }
    }

    /// <summary>Creates the first account on first start (from the bootstrap values when given) and returns its first key.</summary>
    public AccessKey EnsureDefaultAccount(long? appId = null, string? secretId = null, string? secretKey = null)
    {
        lock (_gate)
        {
            Reload();
            if (_file.Accounts.Count > 0 && _file.Accounts[0].Keys.Count > 0)
            {
                return ToKey(_file.Accounts[0].AppId, _file.Accounts[0].Keys[0]);
            }

            var account = new CredentialsFile.AccountEntry { AppId = appId ?? NewAppId() };
            account.Keys.Add(NewKey(secretId, secretKey));
            _file.Accounts.Add(account);
            Save();
            return ToKey(account.AppId, account.Keys[0]);
        }
    }

    public AccessKey CreateAccount()
    {
        lock (_gate)
        {
            Reload();
            var account = new CredentialsFile.AccountEntry { AppId = NewAppId() };
            account.Keys.Add(NewKey(null, null));
            _file.Accounts.Add(account);
            Save();
            return ToKey(account.AppId, account.Keys[0]);
        }
    }

    public AccessKey CreateKey(long appId)
    {
        lock (_gate)
        {
            Reload();
            var account = _file.Accounts.SingleOrDefault(a => a.AppId == appId)
                ?? throw new InvalidOperationException($"no account {appId}");
            var key = NewKey(null, null);
            account.Keys.Add(key);
            Save();
            return ToKey(appId, key);
        }
    }

    public void SetStatus(string secretId, AccessKeyStatus status) => MutateKey(secretId, (account, key) => key.Status = status.ToString());

    public void DeleteKey(string secretId) => MutateKey(secretId, (account, key) => account.Keys.Remove(key));

    private void MutateKey(string secretId, Action<CredentialsFile.AccountEntry, CredentialsFile.KeyEntry> change)
    {
        lock (_gate)
        {
            Reload();
            foreach (var account in _file.Accounts)
            {
                var key = account.Keys.SingleOrDefault(k => k.SecretId == secretId);
                if (key is not null)
                {
                    change(account, key);
                    Save();
                    return;
                }
            }

            throw new InvalidOperationException($"no key {secretId}");
        }
    }

    private AccessKey? Find(string secretId)
    {
        foreach (var account in _file.Accounts)
        {
            var key = account.Keys.FirstOrDefault(k => k.SecretId == secretId);
            if (key is not null)
            {
                return ToKey(account.AppId, key);
            }
        }

        return null;
    }

    private void Reload()
    {
        if (!File.Exists(_path))
        {
            _file = new CredentialsFile();
            return;
        }

        _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
        _file = JsonSerializer.Deserialize<CredentialsFile>(File.ReadAllText(_path)) ?? new CredentialsFile();
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temp = _path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, _file, FileJson);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
        _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
    }

    private static AccessKey ToKey(long appId, CredentialsFile.KeyEntry key) =>
        new(appId, key.SecretId, key.SecretKey, Enum.TryParse<AccessKeyStatus>(key.Status, out var status) ? status : AccessKeyStatus.Disabled);

    private static CredentialsFile.KeyEntry NewKey(string? secretId, string? secretKey) => new()
    {
        SecretId = secretId ?? "AKID" + RandomAlphanumeric(32),
        SecretKey = secretKey ?? RandomAlphanumeric(32),
    };

    /// <summary>A 10-digit AppId, like Tencent's (125xxxxxxx).</summary>
    private static long NewAppId() => 1250000000L + RandomNumberGenerator.GetInt32(0, 99_999_999);

    private static string RandomAlphanumeric(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
