using System.CommandLine;
using System.Text.Json;
using Mediaflow.Application.Accounts;
using Mediaflow.Domain.Accounts;

namespace Mediaflow.Server.Cli;

/// <summary>`mediaflow keys show|create|disable|enable|delete` and `mediaflow accounts create`: act on the data directory directly.</summary>
public static class KeysCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command CreateKeys(Option<string> dataDirectory)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var show = new Command("show", "Print the accounts and their keys.") { dataDirectory, json };
        show.SetAction(parse =>
        {
            var keys = Store(parse, dataDirectory).AllKeys();
            Print(parse.GetValue(json), keys, asArray: true);
            return 0;
        });

        var appId = new Option<long?>("--app-id") { Description = "Account (default: the first one)." };
        var create = new Command("create", "Create a new key pair for an account.") { dataDirectory, appId, json };
        create.SetAction(parse =>
        {
            var store = Store(parse, dataDirectory);
            var account = parse.GetValue(appId) ?? store.EnsureDefaultAccount().AppId;
            Print(parse.GetValue(json), [store.CreateKey(account)]);
            return 0;
        });

        var secretId = new Argument<string>("secret-id") { Description = "The key's SecretId." };
        Command StatusCommand(string name, string description, Action<CredentialStore, string> change)
        {
            var command = new Command(name, description) { dataDirectory, secretId };
            command.SetAction(parse =>
            {
                change(Store(parse, dataDirectory), parse.GetValue(secretId)!);
                return 0;
            });
            return command;
        }

        return new Command("keys", "Manage API and object-store keys (no server needed).")
        {
            show,
            create,
            StatusCommand("disable", "Disable a key (requests signed with it are refused).", (s, id) => s.SetStatus(id, AccessKeyStatus.Disabled)),
            StatusCommand("enable", "Enable a disabled key.", (s, id) => s.SetStatus(id, AccessKeyStatus.Enabled)),
            StatusCommand("delete", "Delete a key.", (s, id) => s.DeleteKey(id)),
        };
    }

    public static Command CreateAccounts(Option<string> dataDirectory)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var create = new Command("create", "Create an account with a new AppId and key pair.") { dataDirectory, json };
        create.SetAction(parse =>
        {
            Print(parse.GetValue(json), [Store(parse, dataDirectory).CreateAccount()]);
            return 0;
        });
        return new Command("accounts", "Manage accounts (no server needed).") { create };
    }

    private static CredentialStore Store(ParseResult parse, Option<string> dataDirectory)
    {
        var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
        Directory.CreateDirectory(directory);
        return new CredentialStore(directory);
    }

    /// <param name="asArray">`keys show` always prints an array (its shape must not depend on how many keys exist);
    /// `create` prints the one key it made as an object.</param>
    private static void Print(bool json, IReadOnlyList<AccessKey> keys, bool asArray = false)
    {
        if (json)
        {
            var shaped = keys.Select(k => new { k.AppId, k.SecretId, k.SecretKey, Status = k.Status.ToString() }).ToList();
            Console.WriteLine(asArray || keys.Count != 1 ? JsonSerializer.Serialize(shaped, Json) : JsonSerializer.Serialize(shaped[0], Json));
            return;
        }

        foreach (var key in keys)
        {
            Console.WriteLine($"AppId {key.AppId}  SecretId {key.SecretId}  SecretKey {key.SecretKey}  {key.Status}");
        }
    }
}
