namespace Reach.Notifications.Delivery;

/// <summary>
/// Writes the text of a reminder or notice when it is sent, in the person's language, from the current
/// content (so a moved session or renamed place is right). Implemented where the locale strings live.
/// </summary>
public interface IMessageRenderer
{
    /// <summary>The text and reply choices, or null when the subject no longer exists (then nothing is sent).</summary>
    Task<RenderedMessage?> RenderAsync(OutboxMessage message, CancellationToken cancellationToken);
}

public sealed record RenderedMessage(string Text, IReadOnlyList<DeliveryChoice> Choices);
