namespace Reach.Content.Model;

public enum SafetyTopicKind
{
    Violence,
    SelfHarm,
    LegalDeadline,
    MedicalEmergency,
    Other,
}
