using System.Collections.Frozen;
using Reach.Bot.Language;

namespace Reach.Bot.Conversations;

/// <summary>
/// Words that act on the conversation rather than ask a question, in every offered language: opt-out
/// (Twilio's default words plus their equivalents), resume, help, and erasure ("forget me").
/// A message is a keyword only when it is the keyword alone (after normalisation).
/// </summary>
public static class Keywords
{
    /// <summary>Twilio's defaults (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT) and their equivalents.</summary>
    public static readonly FrozenSet<string> OptOut = Set(
        "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out",
        "arret", "arrete", "arreter", "desabonner", "desinscrire", "stoppe",
        "стоп", "відписатися", "відписатись", "отписаться", "хватит",
        "توقف", "ستوب", "قف", "الغاء الاشتراك",
        "baja", "alto", "parar", "detener", "darme de baja", "cancelar suscripcion");

    /// <summary>Twilio's defaults (START, YES, UNSTOP) and their equivalents.</summary>
    public static readonly FrozenSet<string> Resume = Set("start", "unstop", "reprendre", "старт", "почати", "ابدا", "empezar", "comenzar");

    public static readonly FrozenSet<string> Help = Set("help", "info", "aide", "допомога", "помощь", "مساعده", "ayuda");

    public static readonly FrozenSet<string> Forget = Set(
        "forget me", "delete my data", "erase my data", "oublie moi", "oubliez moi", "supprimer mes donnees", "effacer mes donnees",
        "olvidame", "borrar mis datos", "eliminar mis datos", "забудь мене", "видаліть мої дані", "забудь меня", "удалите мои данные",
        "انسني", "امسح بياناتي", "احذف معلوماتي");

    /// <summary>"Talk to a person", written rather than chosen from the menu (SMS users type it).</summary>
    public static readonly FrozenSet<string> Person = Set(
        "talk to a person", "speak to a person", "talk to someone", "speak to someone", "a person", "human", "agent",
        "parler a quelqu un", "parler a une personne", "une personne", "quelqu un", "humain", "conseiller", "conseillere",
        "hablar con una persona", "hablar con alguien", "una persona", "persona", "humano",
        "поговорити з людиною", "людина", "оператор", "поговорить с человеком", "человек",
        "التحدث مع شخص", "اريد التحدث مع شخص", "شخص", "موظف",
        "met iemand praten", "een persoon", "medewerker");

    public static bool Is(FrozenSet<string> keywords, string? text) =>
        text is not null && keywords.Contains(TextNormalizer.Normalize(text).Replace("'", " ", StringComparison.Ordinal).Trim());

    /// <summary>True when a reply code (for a reminder answer) would collide with an opt-out or resume word.</summary>
    public static bool Collides(string code) => Is(OptOut, code) || Is(Resume, code) || Is(Help, code);

    private static FrozenSet<string> Set(params string[] words) =>
        words.Select(w => TextNormalizer.Normalize(w).Replace("'", " ", StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
}
