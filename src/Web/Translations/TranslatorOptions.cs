namespace Reach.Web.Translations;

/// <summary>Azure AI Translator (Text v3), bound from section <c>Translator</c>; used only when a key is set.</summary>
public sealed class TranslatorOptions
{
    public const string Section = "Translator";

    /// <summary>The resource key. Empty: no machine drafts. A secret: set it in the environment (Translator__Key).</summary>
    public string Key { get; set; } = "";

    /// <summary>The resource's region (needed for regional resources), e.g. westeurope.</summary>
    public string Region { get; set; } = "";

    /// <summary>The service. Default the global endpoint; tests point it at a fake server.</summary>
    public Uri Endpoint { get; set; } = new("https://api.cognitive.microsofttranslator.com");

    /// <summary>Organisations that chose to show machine drafts before review, labelled as machine translated.</summary>
    public string[] ShowUnreviewedFor { get; set; } = [];

    /// <summary>
    /// How long a page (a conversation, the questions not understood) waits for translations of people's words before it
    /// shows them as written. Default 3 seconds.
    /// </summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public bool Enabled => Key.Length > 0;
}
