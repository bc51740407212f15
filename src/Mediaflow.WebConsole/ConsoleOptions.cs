namespace Mediaflow.WebConsole;

/// <summary>Configuration section <c>Console</c>.</summary>
public sealed class ConsoleOptions
{
    /// <summary>
    /// The built console (<c>console/dist</c>, holding <c>index.html</c>). Null: the first <c>console/dist</c> found
    /// walking up from the server's own directory (the repository layout after <c>npm run build</c>).
    /// </summary>
    public string? Root { get; set; }

    /// <summary>A session unused this long ends (sliding expiry).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>No session lives longer than this from its sign-in, however much it is used (absolute expiry).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed sign-ins from one remote address within <see cref="SignInWindow"/> before it is answered 429.</summary>
    public int SignInFailuresPerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins for one user name (SecretId, or AppId + console user) within <see cref="SignInWindow"/> before it is answered 429.</summary>
    public int SignInFailuresPerUser { get; set; } = 5;

    /// <summary>The window the sign-in failure limits count over.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The directory to serve, or null when no built console exists.</summary>
    public string? ResolveRoot()
    {
        if (Root is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "console", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }
}
