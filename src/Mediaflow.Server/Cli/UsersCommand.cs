using System.CommandLine;
using System.Net;
using Mediaflow.Application.Accounts;
using Mediaflow.Persistence;
using Mediaflow.Server.Hosting;
using Mediaflow.WebConsole.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mediaflow.Server.Cli;

/// <summary>
/// `mediaflow users create --app-id N --name U`: a console user of an account, on the data directory's database directly
/// (no server needed). The password is read from stdin when it is redirected (one line), else prompted twice without echo.
/// </summary>
public static class UsersCommand
{
    public static Command Create(Option<string> dataDirectory)
    {
        var appId = new Option<long?>("--app-id") { Description = "Account the user signs in to (default: the first one)." };
        var name = new Option<string>("--name") { Description = "User name (1-64 characters, no spaces).", Required = true };
        var create = new Command("create", "Create a console user; the password is read from stdin or prompted.") { dataDirectory, appId, name };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(dataDirectory)!);
            var credentials = new CredentialStore(directory);
            var account = parse.GetValue(appId) ?? credentials.EnsureDefaultAccount().AppId;
            if (!credentials.AllKeys().Any(k => k.AppId == account))
            {
                await Console.Error.WriteLineAsync($"No account {account} in {credentials.FilePath}.");
                return 2;
            }

            var password = ReadPassword();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("The passwords do not match.");
                return 2;
            }

            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(directory, "mediaflow.json"), optional: true)
                .AddEnvironmentVariables("MEDIAFLOW__")
                .Build();
            var any = new IPEndPoint(IPAddress.Loopback, 0);
            var database = ServerSettings.From(configuration, new ServeOptions(directory, any, any, ServeOptions.DefaultRegion)).Database;
            SchemaMigrator.MigrateUp(database);
            var builder = new DbContextOptionsBuilder<MediaflowDbContext>();
            builder.UseMediaflowDatabase(database);
            var options = builder.Options;
            try
            {
                await new ConsoleUserService(new SingleContextFactory(options), TimeProvider.System)
                    .CreateAsync(account, parse.GetValue(name)!, password, cancellationToken);
            }
            catch (ArgumentException invalid)
            {
                await Console.Error.WriteLineAsync(invalid.Message.Split(" (Parameter", 2)[0]);
                return 2;
            }

            Console.WriteLine($"Console user {parse.GetValue(name)} created for AppId {account}.");
            return 0;
        });
        return new Command("users", "Console users (sign in to the web console with a name and password).") { create };
    }

    /// <summary>One line from redirected stdin, or a prompted password typed twice (null when the two differ).</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        var first = Prompt("Password: ");
        var second = Prompt("Repeat password: ");
        return first == second ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    private sealed class SingleContextFactory(DbContextOptions<MediaflowDbContext> options) : IDbContextFactory<MediaflowDbContext>
    {
        public MediaflowDbContext CreateDbContext() => new(options);
    }
}
