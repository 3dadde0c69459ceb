namespace Reach.Notifications.Contacts;

/// <summary>What a normalised phone number is, as far as the Belgian numbering plan tells.</summary>
public enum PhoneNumberKind
{
    /// <summary>A Belgian mobile (+324[5-9]…), the only Belgian kind that receives SMS.</summary>
    Mobile,

    /// <summary>A Belgian geographic landline.</summary>
    FixedLine,

    /// <summary>A Belgian toll-free, premium, shared-cost or UAN number, a foreign number (not classified), or an error.</summary>
    Other,
}
