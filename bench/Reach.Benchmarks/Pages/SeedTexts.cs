namespace Reach.Benchmarks.Pages;

/// <summary>
/// Texts for the seeded conversations and questions, in the five languages of the demo organisations: short, as
/// people write them. Invented for the benchmark; never shown to anyone but the benchmark's pages.
/// </summary>
internal static class SeedTexts
{
    /// <summary>Languages, each repeated by how often it is spoken among the seeded people.</summary>
    public static readonly string[] LanguageMix = ["fr", "fr", "fr", "ar", "ar", "ar", "uk", "uk", "es", "en"];

    public static readonly IReadOnlyDictionary<string, string[]> FirstNames = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["fr"] = ["Marie", "Aïcha", "Jean", "Fatou", "Kevin", "Nadia", "Olivier", "Sophie"],
        ["ar"] = ["محمد", "فاطمة", "Youssef", "Khadija", "عمر", "Samira", "Hamza", "ليلى"],
        ["uk"] = ["Олена", "Іван", "Oksana", "Тарас", "Наталія", "Dmytro", "Ірина", "Андрій"],
        ["es"] = ["Lucía", "Carlos", "María José", "Diego", "Camila", "Andrés", "Valentina", "Jorge"],
        ["en"] = ["Grace", "Samuel", "Blessing", "David", "Amina", "Joseph", "Mercy", "Daniel"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Incoming = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["fr"] = ["Bonjour, la permanence sociale est ouverte demain ?", "je voudrais un rdv avec l'assistante sociale svp", "merci beaucoup", "c'est où l'atelier couture ?", "il faut apporter quels papiers ?", "mon fils est malade je ne peux pas venir jeudi"],
        ["ar"] = ["السلام عليكم، واش المكتب مفتوح غدا؟", "بغيت موعد مع المساعدة الاجتماعية", "شكرا بزاف", "فين كاين ورشة الخياطة؟", "شنو هي الوثائق اللي خاصني نجيب؟", "ولدي مريض ما نقدرش نجي"],
        ["uk"] = ["Добрий день, соціальна служба завтра працює?", "хочу записатися до соціальної працівниці", "дякую", "де проходить курс шиття?", "які документи треба принести?", "дитина захворіла, не зможу прийти в четвер"],
        ["es"] = ["Hola, ¿mañana está abierta la atención social?", "quisiera una cita con la asistente social", "muchas gracias", "¿dónde es el taller de costura?", "¿qué papeles tengo que traer?", "mi hijo está enfermo, no puedo ir el jueves"],
        ["en"] = ["Hello, is the social desk open tomorrow?", "i would like an appointment with the social worker", "thank you so much", "where is the sewing workshop?", "which documents should I bring?", "my son is sick, I cannot come on Thursday"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Replies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["fr"] = ["La permanence sociale est ouverte le mardi et le jeudi de 9 h à 12 h, sans rendez-vous.", "Je n'ai pas compris. Voulez-vous parler à une personne de l'équipe ?", "Rappel : rendez-vous demain à 10:00. Répondez 1 pour confirmer, 2 pour annuler."],
        ["ar"] = ["المكتب الاجتماعي مفتوح يومي الثلاثاء والخميس من 9 إلى 12، بدون موعد.", "لم أفهم. هل تريد التحدث مع شخص من الفريق؟", "تذكير: موعدك غدا على الساعة 10:00. أجب 1 للتأكيد، 2 للإلغاء."],
        ["uk"] = ["Соціальна служба працює у вівторок і четвер з 9:00 до 12:00 без запису.", "Я не зрозумів. Хочете поговорити з людиною з команди?", "Нагадування: зустріч завтра о 10:00. Відповідайте 1, щоб підтвердити, 2, щоб скасувати."],
        ["es"] = ["La atención social abre martes y jueves de 9 a 12 h, sin cita.", "No he entendido. ¿Quiere hablar con una persona del equipo?", "Recordatorio: cita mañana a las 10:00. Responda 1 para confirmar, 2 para anular."],
        ["en"] = ["The social desk is open on Tuesday and Thursday from 9:00 to 12:00, no appointment needed.", "I did not understand. Would you like to talk to a person from the team?", "Reminder: appointment tomorrow at 10:00. Reply 1 to confirm, 2 to cancel."],
    };

    public static readonly IReadOnlyDictionary<string, string> Staff = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fr"] = "Bonjour, c'est Marie du service social. Je vous rappelle demain matin.",
        ["ar"] = "مرحبا، معك ماري من المكتب الاجتماعي. سأتصل بك غدا صباحا.",
        ["uk"] = "Добрий день, це Марі із соціальної служби. Я передзвоню вам завтра зранку.",
        ["es"] = "Hola, soy Marie del servicio social. La llamo mañana por la mañana.",
        ["en"] = "Hello, this is Marie from the social desk. I will call you back tomorrow morning.",
    };

    /// <summary>Questions Reach did not understand: several ways of asking the same few things, as the unanswered list sees them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Unanswered = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["fr"] = ["vous donnez des colis alimentaires ?", "c'est possible d'avoir une aide pour le loyer", "ou je peux faire laver mon linge", "il y a un cours de néerlandais ?", "comment avoir la carte médicale", "vous aidez pour remplir les papiers du CPAS ?", "je cherche un avocat gratuit", "ya des vêtements pour bébé ?", "on peut imprimer des documents chez vous", "mon GSM est cassé vous avez un téléphone"],
        ["ar"] = ["واش كتعطيو قفة ديال الماكلة؟", "نقدر ناخد مساعدة فالكرا؟", "فين نقدر نغسل الحوايج", "كاين درس ديال النيرلانديه؟", "كيفاش ناخد البطاقة الطبية", "واش كتعاونو فالوراق ديال CPAS", "كنقلب على محامي فابور", "كاين حوايج ديال البيبي؟", "نقدر نطبع شي وراق عندكم", "التلفون ديالي تهرس"],
        ["uk"] = ["чи даєте продуктові набори?", "можна отримати допомогу з орендою", "де можна випрати одяг", "є курси нідерландської?", "як отримати медичну картку", "допомагаєте заповнити папери для CPAS?", "шукаю безкоштовного адвоката", "є одяг для немовляти?", "можна у вас роздрукувати документи", "мій телефон зламався"],
        ["es"] = ["¿dan paquetes de comida?", "se puede tener ayuda para el alquiler", "dónde puedo lavar la ropa", "¿hay clases de neerlandés?", "cómo consigo la tarjeta médica", "¿ayudan con los papeles del CPAS?", "busco un abogado gratis", "¿hay ropa de bebé?", "puedo imprimir documentos aquí", "se me rompió el móvil"],
        ["en"] = ["do you give food parcels?", "can i get help with the rent", "where can I wash my clothes", "is there a dutch class?", "how to get the medical card", "do you help with the CPAS forms?", "looking for a free lawyer", "any baby clothes?", "can i print documents at your place", "my phone is broken"],
    };

    public static readonly IReadOnlyDictionary<string, string> Broadcast = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fr"] = "Bonjour ! La permanence sociale sera fermée lundi. Nous rouvrons mardi à 9h.",
        ["ar"] = "مرحبا! المكتب الاجتماعي مغلق يوم الإثنين. نفتح من جديد يوم الثلاثاء على الساعة 9.",
        ["uk"] = "Вітаємо! Соціальна служба буде зачинена в понеділок. Відкриваємося у вівторок о 9:00.",
        ["es"] = "¡Hola! La atención social estará cerrada el lunes. Volvemos a abrir el martes a las 9h.",
        ["en"] = "Hello! The social desk is closed on Monday. We open again on Tuesday at 9am.",
    };

    public static readonly string[] HandoffReasons = ["asked for a person", "not understood three times", "safety: a person should answer", "asked for a person"];

    public static readonly string[] Topics = ["opening-hours", "appointments", "food", "clothes", "legal", "housing", "workshops", "outings", "documents", "other"];
}
