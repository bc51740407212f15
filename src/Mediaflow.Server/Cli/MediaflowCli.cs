using System.CommandLine;
using Mediaflow.Server.Hosting;

namespace Mediaflow.Server.Cli;

/// <summary>The `mediaflow` command line.</summary>
public static class MediaflowCli
{
    public static RootCommand Create()
    {
        var dataDirectory = new Option<string>("--data-dir")
        {
            Description = "Data directory (SQLite, objects, credentials). Env MEDIAFLOW_DATA_DIR.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDIAFLOW_DATA_DIR") ?? ServeOptions.DefaultDataDirectory,
        };
        var root = new RootCommand("Mediaflow: self-hosted media processing with offline orchestration (MPS API compatible).")
        {
            ServeCommand.Create(dataDirectory),
            KeysCommand.CreateKeys(dataDirectory),
            KeysCommand.CreateAccounts(dataDirectory),
            NotificationsCommand.Create(dataDirectory),
            QcInspectCommand.Create(),
            UsersCommand.Create(dataDirectory),
        };
        foreach (var command in ObjectCommands.Create(dataDirectory))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
