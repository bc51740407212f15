using Mediaflow.Server.Cli;

// `mediaflow serve` runs the whole service in one process; the other commands administer a data directory.
// The server's table of contents is Hosting/ServerHost.cs.
return await MediaflowCli.Create().Parse(args).InvokeAsync();
