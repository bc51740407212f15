using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Support;

/// <summary>
/// Playwright driving Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/install-deps --test</c>; no
/// browser download). Pages are 1280×800 unless asked (1920×1080 for the wide screenshots); <see cref="ScreenshotAsync"/> writes into the test output directory.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run scripts/install-deps --test (apt package chromium).");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>A real server serving the repository's built console (<c>console/dist</c>, made by <c>npm ci &amp;&amp; npm run build</c>).</summary>
public sealed class BuiltConsoleServer : MediaflowServer
{
    public static string Dist
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "console", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("console/dist is not built: run (cd console && npm ci && npm run build) — scripts/test does.");
        }
    }

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["MEDIAFLOW__Console__Root"] = Dist };
}
