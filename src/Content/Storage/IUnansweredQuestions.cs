namespace Reach.Content.Storage;

/// <summary>The coordinators' list of questions Reach could not answer. Nothing in it identifies the sender.</summary>
public interface IUnansweredQuestions
{
    /// <summary>Records a question; long digit runs (phone numbers, account numbers) are masked first.</summary>
    Task RecordAsync(string organisationId, string language, string text, CancellationToken cancellationToken);

    /// <summary>The most recent questions of an organisation, newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListAsync(string organisationId, int limit, CancellationToken cancellationToken);

    /// <summary>Removes these questions from the list once a coordinator dealt with them; returns how many.</summary>
    Task<int> ResolveAsync(string organisationId, IReadOnlyCollection<string> texts, CancellationToken cancellationToken);
}
