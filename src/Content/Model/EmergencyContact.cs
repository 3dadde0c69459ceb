namespace Reach.Content.Model;

public sealed record EmergencyContact(LocalizedText Name, string Phone, LocalizedText? Hours);
