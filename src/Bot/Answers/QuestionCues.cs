using System.Collections.Frozen;
using NodaTime;
using Reach.Bot.Language;

namespace Reach.Bot.Answers;

/// <summary>What a message asks about a service or activity: which day, and whether it is where, what to bring or appointments.</summary>
public sealed record QuestionCues(DayCue Day, IsoDayOfWeek? Weekday, QuestionKind Kind)
{
    /// <summary>Month names as people write them, in each language Reach speaks (normalised).</summary>
    private static readonly FrozenDictionary<string, int> Months = MonthNames();

    /// <summary>A calendar day the message names ("le 11 novembre", "5 de enero", "24 грудня"), when it names one.</summary>
    public AnnualDate? Date { get; init; }

    /// <summary>Words that ask when or whether something takes place: "quand", "next", "коли", "متى", "ouvert".</summary>
    private static readonly FrozenSet<string> WhenWords = (
        "quand qd kan prochain prochaine prochainement horaire horaires heure heures ouvert ouverte ouvre ferme fermee date dates "
        + "cuando cuándo proximo proxima horario horarios hora abierto abierta abre cierra fecha "
        + "when next hours hour open opens opening closed close time schedule date "
        + "коли наступний наступна наступне години годин відкрито відкрита працює працюють розклад дата "
        + "когда следующий следующая часы открыто открыт работает расписание "
        + "متى امتى ايمتى امتا فوقاش وقتاش اوقات وقت الوقت مفتوح مفتوحه محلول محلوله الجاي الجايه القادم القادمه موعد "
        + "imta fou9ach w9tach m7lol mftou7 jay")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextNormalizer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the message asks about a day, a time, a place or what to bring: a named service or activity answers best.</summary>
    public bool AboutSchedule { get; init; }

    private static readonly FrozenDictionary<string, DayCue> DayWords = Map(
        (DayCue.Today, "aujourd aujourdhui ajd auj ajourdhui aujourdui hoy today tonight сьогодні сьогодня сегодня اليوم ليوم lyoum lyom lyouma lyoma lyom elyoum"),
        (DayCue.Tomorrow, "demain dmain 2main manana tomorrow tmrw tomorow завтра غدا غدوا غدوه بكرا بكره بكرة ghda ghadda bokra bukra"),
        (DayCue.Now, "maintenant mtn actuellement ahora now зараз сейчас الان دابا هلق هلا daba hala hala2 db"),
        (DayCue.ThisWeek, "semaine semana week тиждень тижня неделе неделя الاسبوع سيمانه simana"),
        (DayCue.ThisMonth, "mois mes month місяць місяця месяц الشهر شهر chhar"));

    private static readonly FrozenDictionary<string, IsoDayOfWeek> Weekdays = Map(
        (IsoDayOfWeek.Monday, "lundi lunes monday понеділок понеділка понедельник الاثنين الاتنين اثنين تنين"),
        (IsoDayOfWeek.Tuesday, "mardi martes tuesday вівторок вівторка вторник الثلاثاء الثلاثا التلات تلات"),
        (IsoDayOfWeek.Wednesday, "mercredi miercoles wednesday середа середу среда среду الاربعاء الاربع اربعاء"),
        (IsoDayOfWeek.Thursday, "jeudi jueves thursday четвер четверг الخميس خميس"),
        (IsoDayOfWeek.Friday, "vendredi viernes friday пятниця пятницю пятница пятницу الجمعه جمعه"),
        (IsoDayOfWeek.Saturday, "samedi sabado saturday субота суботу суббота субботу السبت سبت"),
        (IsoDayOfWeek.Sunday, "dimanche domingo sunday неділя неділю воскресенье الاحد الحد احد"));

    private static readonly FrozenDictionary<string, QuestionKind> KindWords = Map(
        (QuestionKind.Where, "ou adresse adrese endroit lieu donde direccion where adress address де адреса адресу где адрес وين فين اين فاين عنوان العنوان مكان المكان fin fen wein win"),
        (QuestionKind.Bring, "apporter amener ramener emmener llevar traer bring взяти принести брати взять принести احضر نجيب جيب اجيب نجيبو njib jib"),
        (QuestionKind.Appointment, "rdv rendez rendezvous cita turno appointment appoinment apointment запис записатися записатись запись موعد الموعد رونديفو مواعيد maw3id mo3id"));

    public static QuestionCues Read(string message) => Read(TextNormalizer.Words(message));

    public static QuestionCues Read(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var day = DayCue.None;
        IsoDayOfWeek? weekday = null;
        var kind = QuestionKind.When;
        foreach (var word in words)
        {
            if (DayWords.TryGetValue(word, out var cue) && (day == DayCue.None || cue < day))
            {
                day = cue;
            }

            if (Weekdays.TryGetValue(word, out var named))
            {
                weekday = named;
            }

            if (kind == QuestionKind.When && KindWords.TryGetValue(word, out var asked))
            {
                kind = asked;
            }
        }

        var date = DateIn(words);
        return new QuestionCues(date is not null ? DayCue.Date : weekday is null ? day : DayCue.Weekday, weekday, kind)
        {
            Date = date,
            AboutSchedule = day != DayCue.None || weekday is not null || date is not null || kind != QuestionKind.When || words.Any(WhenWords.Contains),
        };
    }

    /// <summary>A day number next to a month name, in either order ("5 janvier", "January 5", "5 de enero").</summary>
    private static AnnualDate? DateIn(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!Months.TryGetValue(words[i], out var month))
            {
                continue;
            }

            foreach (var j in new[] { i - 1, i - 2, i + 1 })
            {
                if (j >= 0 && j < words.Count && (j != i - 2 || words[i - 1] == "de")
                    && int.TryParse(words[j], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
                    && day >= 1 && day <= DateTime.DaysInMonth(2028, month))
                {
                    return new AnnualDate(month, day);
                }
            }
        }

        return null;
    }

    private static FrozenDictionary<string, int> MonthNames()
    {
        string[] names =
        [
            "janvier janv january jan enero січня січень января يناير جانفي",
            "fevrier fevr february feb febrero лютого лютий февраля فبراير فيفري شباط",
            "mars march mar marzo березня березень марта مارس اذار",
            "avril april apr abril квітня квітень апреля ابريل افريل نيسان",
            "mai may mayo травня травень мая مايو ماي ايار",
            "juin june jun junio червня червень июня يونيو جوان حزيران",
            "juillet july jul julio липня липень июля يوليو يوليوز جويليه تموز",
            "aout august aug agosto серпня серпень августа اغسطس غشت اوت اب",
            "septembre sept september sep septiembre setiembre вересня вересень сентября سبتمبر شتنبر ايلول",
            "octobre oct october octubre жовтня жовтень октября اكتوبر",
            "novembre nov november noviembre листопада листопад ноября نوفمبر نونبر",
            "decembre dec december diciembre грудня грудень декабря ديسمبر دجنبر",
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < names.Length; m++)
        {
            foreach (var name in names[m].Split(' '))
            {
                months.TryAdd(TextNormalizer.Normalize(name), m + 1);
            }
        }

        return months.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, T> Map<T>(params (T Value, string Words)[] entries)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, words) in entries)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(TextNormalizer.Normalize(word), value);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>The day a question is about; lower values win when a message names several.</summary>
public enum DayCue
{
    Now,
    Today,
    Tomorrow,
    Date,
    Weekday,
    ThisWeek,
    ThisMonth,
    None,
}

public enum QuestionKind
{
    When,
    Where,
    Bring,
    Appointment,
}
