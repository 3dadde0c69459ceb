using System.Diagnostics.CodeAnalysis;

namespace Reach.Notifications.Contacts;

/// <summary>The outcome of <see cref="PhoneNumber.Normalize(string?)"/>.</summary>
/// <param name="E164">The number as + and 8 to 15 digits, like +32470123456; null when the input was refused.</param>
/// <param name="Kind">Mobile or fixed line for Belgian numbers; <see cref="PhoneNumberKind.Other"/> otherwise.</param>
/// <param name="Error">Why the input was refused, in English, naming the problem; null when valid.</param>
public sealed record PhoneNumberResult(string? E164, PhoneNumberKind Kind, string? Error)
{
    [MemberNotNullWhen(true, nameof(E164))]
    public bool IsValid => E164 is not null;
}
