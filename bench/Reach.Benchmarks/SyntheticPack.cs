using System.Globalization;
using System.Text;
using Reach.Content.Model;

namespace Reach.Benchmarks;

/// <summary>
/// A large, deterministic organisation for index benchmarks: FAQ entries in five languages whose
/// question variants and answers are drawn from a fixed word list per language with a seeded generator.
/// </summary>
internal static class SyntheticPack
{
    public static readonly IReadOnlyList<string> Languages = ["fr", "ar", "uk", "es", "en"];

    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        ["fr"] =
        [
            "permanence", "sociale", "rendez-vous", "horaires", "ouverture", "papiers", "logement", "loyer", "école",
            "enfants", "santé", "médecin", "mutuelle", "travail", "diplôme", "formation", "cours", "français", "carte",
            "séjour", "titre", "famille", "regroupement", "avocat", "juriste", "ticket", "théâtre", "sortie", "excursion",
            "inscription", "prix", "gratuit", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "matin", "après-midi",
            "adresse", "gare", "bus", "téléphone", "ordinateur", "imprimer", "lettre", "courrier", "aide", "alimentaire",
            "colis", "vêtements", "atelier", "couture", "cuisine", "jardin", "festival", "bénévole", "interprète",
        ],
        ["ar"] =
        [
            "مكتب", "المساعدة", "الاجتماعية", "موعد", "أوقات", "العمل", "الأوراق", "السكن", "الكراء", "المدرسة",
            "الأطفال", "الصحة", "الطبيب", "التأمين", "الشغل", "الدبلوم", "التكوين", "دروس", "الفرنسية", "بطاقة",
            "الإقامة", "العائلة", "لم", "الشمل", "محامي", "القانوني", "تذكرة", "المسرح", "خرجة", "رحلة",
            "التسجيل", "الثمن", "مجاني", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "الصباح", "العشية",
            "العنوان", "المحطة", "الحافلة", "الهاتف", "الحاسوب", "طباعة", "رسالة", "البريد", "مساعدة", "الغذائية",
            "قفة", "الملابس", "ورشة", "الخياطة", "الطبخ", "الحديقة", "المهرجان", "متطوع", "مترجم", "الجنسية",
        ],
        ["uk"] =
        [
            "прийом", "соціальний", "запис", "розклад", "години", "документи", "житло", "оренда", "школа", "діти",
            "здоров'я", "лікар", "страхування", "робота", "диплом", "навчання", "курси", "французька", "картка",
            "посвідка", "проживання", "сім'я", "возз'єднання", "адвокат", "юрист", "квиток", "театр", "екскурсія",
            "поїздка", "реєстрація", "ціна", "безкоштовно", "понеділок", "вівторок", "середа", "четвер", "п'ятниця",
            "ранок", "вечір", "адреса", "вокзал", "автобус", "телефон", "комп'ютер", "друк", "лист", "пошта",
            "допомога", "продуктова", "набір", "одяг", "майстерня", "шиття", "кухня", "город", "фестиваль",
            "волонтер", "перекладач", "громадянство",
        ],
        ["es"] =
        [
            "atención", "social", "cita", "horario", "apertura", "papeles", "vivienda", "alquiler", "escuela", "niños",
            "salud", "médico", "seguro", "trabajo", "diploma", "formación", "clases", "francés", "tarjeta", "residencia",
            "permiso", "familia", "reagrupación", "abogado", "jurídica", "entrada", "teatro", "salida", "excursión",
            "inscripción", "precio", "gratis", "lunes", "martes", "miércoles", "jueves", "viernes", "mañana", "tarde",
            "dirección", "estación", "autobús", "teléfono", "computadora", "imprimir", "carta", "correo", "ayuda",
            "alimentaria", "paquete", "ropa", "taller", "costura", "cocina", "huerta", "festival", "voluntario",
            "intérprete", "nacionalidad",
        ],
        ["en"] =
        [
            "social", "desk", "appointment", "opening", "hours", "papers", "housing", "rent", "school", "children",
            "health", "doctor", "insurance", "work", "diploma", "training", "classes", "french", "card", "residence",
            "permit", "family", "reunification", "lawyer", "legal", "ticket", "theatre", "outing", "trip", "registration",
            "price", "free", "monday", "tuesday", "wednesday", "thursday", "friday", "morning", "afternoon", "address",
            "station", "bus", "phone", "computer", "print", "letter", "mail", "help", "food", "parcel", "clothes",
            "workshop", "sewing", "cooking", "garden", "festival", "volunteer", "interpreter", "citizenship",
        ],
    };

    /// <summary>An organisation with <paramref name="entries"/> FAQ entries, three question variants per language each.</summary>
    public static OrganisationContent Create(int entries, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var faq = new List<FaqEntry>(entries);
        for (var i = 0; i < entries; i++)
        {
            var questions = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            var answers = new List<KeyValuePair<string, string>>();
            foreach (var language in Languages)
            {
                string[] variants = [Question(language, random), Question(language, random), Question(language, random)];
                questions.Add(new(language, variants));
                answers.Add(new(language, Sentence(language, random, random.Next(8, 15), '.')));
            }

            var id = "faq-" + i.ToString("D4", CultureInfo.InvariantCulture);
            faq.Add(new FaqEntry(id, new LocalizedList(questions), new LocalizedText(answers)));
        }

        var organisation = new Organisation("synthetic", LocalizedText.Of("fr", "Organisation synthétique"), "Europe/Brussels", "fr", Languages)
        {
            Contact = new Contact("081 00 00 00", "info@synthetic.example", null, null, null),
        };
        return new OrganisationContent(organisation) { Faq = faq };
    }

    /// <summary>A short question of three to six words in <paramref name="language"/>.</summary>
    public static string Question(string language, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Sentence(language, random, random.Next(3, 7), '?');
    }

    private static string Sentence(string language, Random random, int length, char end)
    {
        var words = Words[language];
        var builder = new StringBuilder();
        for (var w = 0; w < length; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            builder.Append(words[random.Next(words.Length)]);
        }

        return builder.Append(end).ToString();
    }
}
