namespace Mediaflow.Media.Tests.Support;

public static class TestDataFiles
{
    public static string Read(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", relative));
}
