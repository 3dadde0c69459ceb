namespace Reach.Bot.Answers;

/// <summary>How sure the engine must be before it answers rather than offering a person.</summary>
public sealed class AnswerOptions
{
    public const string Section = "Answers";

    /// <summary>Minimum confidence of the best match, in [0, 1]. Below it Reach says it did not understand. Default 0.22.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double Threshold { get; set; } = 0.22;

    /// <summary>Longest message considered; longer input is cut (never rejected). Default 1,000 characters.</summary>
    [System.ComponentModel.DataAnnotations.Range(50, 100_000)]
    public int MaxMessageLength { get; set; } = 1000;
}
