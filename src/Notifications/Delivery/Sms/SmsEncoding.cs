namespace Reach.Notifications.Delivery.Sms;

/// <summary>How an SMS body travels: 7-bit GSM 03.38 alphabet, or UCS-2 (UTF-16 code units).</summary>
public enum SmsEncoding
{
    /// <summary>GSM 03.38 default alphabet and its extension table: 160 septets alone, 153 per concatenated segment.</summary>
    Gsm7,

    /// <summary>Any character outside GSM-7: 70 code units alone, 67 per concatenated segment.</summary>
    Ucs2,
}
