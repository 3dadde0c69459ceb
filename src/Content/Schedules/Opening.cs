using NodaTime;
using Reach.Content.Model;

namespace Reach.Content.Schedules;

/// <summary>
/// One concrete local interval when a service or activity takes place. A cancelled session is
/// still listed, with its reason, so that people are told rather than left to guess.
/// </summary>
public sealed record Opening(LocalDate Date, ZonedDateTime Start, ZonedDateTime End)
{
    public string? Site { get; init; }

    public LocalizedText? Note { get; init; }

    public Session? Session { get; init; }

    public LocalizedText? CancelledReason { get; init; }

    public bool IsCancelled => CancelledReason is not null;
}
