namespace Reach.Content.Hosting;

/// <summary>Content loaded when Reach starts on an empty store.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>A pack published at startup when no organisation has content yet; empty for none. Default <c>content/demo</c>.</summary>
    public string SeedPack { get; set; } = "content/demo";

    /// <summary>The author recorded for that first version. Default <c>seed</c>.</summary>
    public string SeedAuthor { get; set; } = "seed";
}
