namespace Mediaflow.Engine.Nodes;

/// <summary>Resolution bands of usage records, by the output's short side (DESIGN §7.7).</summary>
public static class UsageBands
{
    public static string ForShortSide(int shortSide) => shortSide switch
    {
        <= 0 => "Audio",
        <= 480 => "SD",
        <= 720 => "HD",
        <= 1080 => "FHD",
        <= 1440 => "2K",
        _ => "4K",
    };
}
