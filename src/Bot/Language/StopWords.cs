using System.Collections.Frozen;

namespace Reach.Bot.Language;

/// <summary>Function words that carry no topic, per language (normalised forms), left out of matching.</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> All = (
        // fr
        "je j tu il elle on nous vous ils elles le la les l un une des du de d au aux a et ou est c ce cet cette ces ca "
        + "que qu qui quoi en y se s ne n pas plus me m te t mon ma mes ton ta tes son sa ses notre votre vos leur "
        + "pour par avec sur dans chez il y est-ce bonjour salut slt bjr merci svp stp oui non bien tres aussi alors "
        + "faut peut peux veux voudrais dois avoir ai as avez etre suis es sommes etes sont fait faire fais comment "
        // es
        + "yo tu el ella nosotros usted ustedes los las lo un una unos unas del al y o es son esta estan hay de en "
        + "que se me te le les mi mis tu tus su sus nuestro para por con sin muy tambien hola buenas buenos gracias "
        + "porfa favor si no puedo puede quiero quisiera tengo tiene necesito hacer como "
        // en
        + "i you he she it we they me my your his her its our their the a an and or of to in on at for with is are am "
        + "was be been do does did can could would should will there this that these those what hello hi hey thanks "
        + "thank please pls plz yes no ok have has need want how "
        // nl
        + "ik je jij hij zij wij het de een en of van in op voor met is zijn ben heb hebt kan wil moet dat die dit hoe "
        // uk
        + "я ти він вона ми ви вони мене мені мій моя мої твій ваш ваша це цей ця і й та а або але в у на до з із за "
        + "про по що чи як так ні не є бути можна можу хочу треба потрібно привіт добрий день дякую будь ласка "
        // ru
        + "ты он мы они меня мне это и или но во к от о об что как да нет быть есть надо нужно здравствуйте спасибо пожалуйста "
        // ar (normalised: no hamza forms, ه for ة)
        + "انا انت انتي هو هي نحن انتم هم في من الى الي على عن مع و او ثم هل ما ماذا لا نعم ان كان كانت هذا هذه ذلك "
        + "يا عم عندي لي لك له السلام عليكم مرحبا شكرا من فضلك ممكن اريد بدي بغيت واش شو شنو هاد هادي ديال تاع "
        // arabizi
        + "salam slm wach wesh shu chno ana nta nti dyal dial 3afak afak "
        // informal and dialect function words: how people really write
        + "jpeux jveux jsuis chui jai jdois kesk keske koi kwa ki c qd pr ptet vs ya bcp tt tjrs stp svp slt cc coucou bjr bsr cv "
        + "q pa porfa xq pq tb tmb tambien aca alla ahi eso esto algo alguien alguna alguno vos che ustedes nomas "
        + "u ur pls plz im dont cant wanna gonna can could any some someone something also just very much "
        + "чи шо що де як яка який які коли можна треба тут там є щось хтось мені вам вас нас ще вже також дуже "
        + "ли где какой какая какие тоже уже ещё еще очень что-то кто-то "
        + "شنو اشنو كيفاش كيف فين وين اين ليش علاش قديش شحال بشحال كم كاين كاينه فيه فيها في ممكن لازم خاصني خاصنا خص نقدر بقدر بدنا بدي "
        + "حدا شي شيء هاد هادا هادي هاي هذي يلي اللي الي لي عندكن عندكم عندك عندي معي معايا بلا بدون مع هنا هون هلا واش ولا والا "
        + "ana wach kayn chi chno fin kifach bghit 3ndkom 3andkom f fl l "
        // days and moments: read by the question cues, they say when, not what
        + "aujourd aujourdhui ajd demain maintenant mtn lundi mardi mercredi jeudi vendredi samedi dimanche matin soir "
        + "hoy manana ahora lunes martes miercoles jueves viernes sabado domingo "
        + "today tomorrow now monday tuesday wednesday thursday friday saturday sunday morning evening "
        + "сьогодні завтра зараз понеділок вівторок середа середу четвер пятниця пятницю субота суботу неділя неділю "
        + "сегодня сейчас вторник среда среду четверг пятница пятницу суббота субботу воскресенье "
        + "اليوم غدا بكرا بكره دابا هلق الان الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد الصباح "
        + "lyoum ghda daba"
        ).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextNormalizer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => All.Contains(word);
}
