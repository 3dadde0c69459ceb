namespace Reach.Notifications.Delivery.Sms;

/// <summary>What an SMS body costs, as <see cref="SmsSegments.Measure(string)"/> computes it.</summary>
/// <param name="Encoding">The encoding of the whole message.</param>
/// <param name="Units">Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2.</param>
/// <param name="Segments">The number of SMS billed; 1 for an empty body.</param>
/// <param name="UnitsPerSegment">The capacity of each segment: 160 or 70 for a single SMS, 153 or 67 when concatenated.</param>
public sealed record SmsSegmentInfo(SmsEncoding Encoding, int Units, int Segments, int UnitsPerSegment);
