using System.Collections.Frozen;

namespace Reach.Bot.Language;

/// <summary>Frequent words that tell close languages apart in short, informal messages (normalised forms).</summary>
internal static class LanguageProfiles
{
    public static readonly FrozenDictionary<string, FrozenSet<string>> Words = new Dictionary<string, FrozenSet<string>>
    {
        ["fr"] = Set("je j jpeux jveux tu il elle nous vous on est c ce cest ca le la les un une des du au aux et ou mais pour avec sans pas ne rien quoi quand comment combien pourquoi qui que quel quelle quels ou bonjour slt salut merci svp stp oui non aujourd aujourdhui demain ouvert ouverte ferme fermee heure heures rdv rendez vous faut dois peux veux avoir etre mon ma mes votre vos sur chez dans faire papiers atelier sortie permanence bureau semaine prochain prochaine mois"),
        ["es"] = Set("yo tu el ella nosotros usted ustedes es esta estan hay el la los las un una unos unas y o pero para por con sin no nada que cuando como cuanto cuanta donde quien cual hola gracias por favor si hoy manana abierto abierta cerrado hora horas cita necesito tengo puedo quiero debo mi mis su sus en del al hacer papeles taller salida oficina semana proxima proximo mes buenos dias tardes ayuda pueden puede podemos hasta desde estoy somos hijos hijo ropa dinero plata euros casa trabajo algo alguien tambien mucho muy ya"),
        ["en"] = Set("i you he she we they it is are am the a an and or but for with without not no nothing what when how much many where who which hello hi thanks thank please yes today tomorrow open closed hour hours appointment need have can want must my your our on in at do does did papers workshop trip office week next month help there"),
        ["nl"] = Set("ik jij je hij zij wij jullie het is zijn de een en of maar voor met zonder niet geen wat wanneer hoe hoeveel waar wie welke hallo dank bedankt alstublieft ja nee vandaag morgen open gesloten uur afspraak nodig heb kan wil moet mijn jouw uw op in bij doen papieren week volgende maand"),
        ["uk"] = Set("я ти він вона ми ви вони це є і й та або але для з без не ні що коли як скільки де хто який яка привіт дякую будь ласка так ні сьогодні завтра відкрито працює працюють година години запис потрібно треба маю можу хочу мій моя мої ваш ваша на у в до від робити документи майстерня екскурсія тиждень наступний наступна місяць допомога чи можна"),
        ["ru"] = Set("я ты он она мы вы они это и или но для с без не нет что когда как сколько где кто какой какая привет спасибо пожалуйста да сегодня завтра открыто работает работают час часы запись нужно надо есть могу хочу мой моя мои ваш ваша на в до от делать документы мастерская экскурсия неделя следующий следующая месяц помощь ли можно получить"),
        ["ar-latn"] = Set("salam slm salamo wach wesh wash kayn kayna chno chnou achno shno shu chou chu fin fen fein wein wayn bghit bghina bgheet bdi baddi biddi lyoum lyom lyouma lyoma ghda ghadda bukra bokra daba dabba hala hala2 db dyal dial taa 3afak afak 3la ala ana nta nti howa hiya khoya khti mzyan mzian zwin kifach kifash kif kifak kidayr labas hamdullah hamdoulah inchallah inshallah wallah 3ndi andi 3andi 3endi ndir nmchi nji njib khassni khasni lazem lazim fiha fih mafhamtch chhal ch7al 9bal qbel mn men wla ola walakin sahbi rdv mo3id maw3id"),
    }.ToFrozenDictionary();

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
