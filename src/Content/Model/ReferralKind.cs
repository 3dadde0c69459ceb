namespace Reach.Content.Model;

public enum ReferralKind
{
    Cpas,
    Legal,
    Health,
    Food,
    Housing,
    MentalHealth,
    Emergency,
    Education,
    Other,
}
