using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Reach.Bot.Answers;
using Reach.Bot.Evaluation;
using Reach.Bot.Localization;
using Reach.Content.Model;
using Reach.Content.Packs;

namespace Reach.Web.CommandLine;

/// <summary><c>reach ask</c> and <c>reach eval</c>: the answer engine on a content pack, for coordinators and measurement.</summary>
internal static class AnswerCommands
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static Command Ask(TextWriter output, TextWriter error)
    {
        var (content, org, lang, at, json) = CommonOptions();
        var message = new Argument<string>("MESSAGE") { Description = "The message, as a person would write it." };
        var explain = new Option<bool>("--explain") { Description = "Also print the language, concepts, cues and best candidates with their scores." };
        var command = new Command("ask", "Answer one message from a content pack.") { content, org, lang, at, json, explain, message };
        command.SetAction(parse =>
        {
            if (Engine(parse.GetValue(content)!, parse.GetValue(org), error) is not { } engine || Instant(parse.GetValue(at), engine.Content, error) is not { } now)
            {
                return 2;
            }

            var answer = engine.Answer(parse.GetValue(message), parse.GetValue(lang), now);
            if (parse.GetValue(explain))
            {
                foreach (var line in engine.Explain(parse.GetValue(message), parse.GetValue(lang)))
                {
                    error.WriteLine(line);
                }
            }

            if (!parse.GetValue(json))
            {
                output.WriteLine(answer.Text);
                return 0;
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Json))
            {
                writer.WriteStartObject();
                writer.WriteString("language", answer.Language);
                WriteMatch(writer, answer);
                writer.WriteNumber("confidence", answer.Confidence);
                writer.WriteString("answer", answer.Text);
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return 0;
        });
        return command;
    }

    public static Command Eval(TextWriter output, TextWriter error)
    {
        var (content, org, _, at, json) = CommonOptions();
        var cases = new Option<string>("--cases") { Description = "The YAML case file.", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Confidence below which Reach abstains (default: the configured one), to tune it." };
        var command = new Command("eval", "Run a case file and print accuracy per language, abstention and safety recall.") { content, org, at, json, cases, threshold };
        command.SetAction(parse =>
        {
            CaseSet set;
            try
            {
                set = CaseSet.Read(parse.GetValue(cases)!);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                error.WriteLine(e.Message);
                return 2;
            }

            if (Engine(parse.GetValue(content)!, parse.GetValue(org) ?? set.Organisation, error, parse.GetValue(threshold)) is not { } engine || Instant(parse.GetValue(at), engine.Content, error) is not { } now)
            {
                return 2;
            }

            var report = Evaluator.Run(engine, set, now);
            if (parse.GetValue(json))
            {
                WriteJson(output, report);
            }
            else
            {
                WriteText(output, report);
            }

            return 0;
        });
        return command;
    }

    private static (Option<string> Content, Option<string?> Org, Option<string?> Lang, Option<string?> At, Option<bool> Json) CommonOptions() => (
        new Option<string>("--content") { Description = "The content pack folder.", Required = true },
        new Option<string?>("--org") { Description = "The organisation, when the pack holds several (default: the first)." },
        new Option<string?>("--lang") { Description = "The person's language (default: detected)." },
        new Option<string?>("--at") { Description = "The local time to answer at, e.g. 2026-12-03T10:00 (default: now)." },
        new Option<bool>("--json") { Description = "Print JSON." });

    private static AnswerEngine? Engine(string directory, string? organisation, TextWriter error, double? threshold = null)
    {
        var result = PackReader.ReadDirectory(directory);
        if (result.Pack is null)
        {
            foreach (var diagnostic in result.Errors)
            {
                error.WriteLine(diagnostic.ToString());
            }

            error.WriteLine($"{directory}: the pack has errors; fix them with 'reach content validate'.");
            return null;
        }

        var content = organisation is null
            ? (result.Pack.Organisations.Count > 0 ? result.Pack.Organisations[0] : null)
            : result.Pack.Organisations.FirstOrDefault(o => o.Organisation.Id == organisation);
        if (content is null)
        {
            error.WriteLine($"No organisation '{organisation}' in {directory}: it has {string.Join(", ", result.Pack.Organisations.Select(o => o.Organisation.Id))}.");
            return null;
        }

        var options = new AnswerOptions();
        options.Threshold = threshold ?? options.Threshold;
        return new AnswerEngine(content, Locales.Default, options);
    }

    private static Instant? Instant(string? at, OrganisationContent content, TextWriter error)
    {
        if (at is null)
        {
            return NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        }

        var local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(at);
        if (!local.Success)
        {
            error.WriteLine($"--at '{at}' is not a local time written 2026-12-03T10:00.");
            return null;
        }

        return DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone].AtLeniently(local.Value).ToInstant();
    }

    private static void WriteMatch(Utf8JsonWriter writer, Answer answer)
    {
        if (answer.Match is null)
        {
            writer.WriteNull("match");
            return;
        }

        writer.WriteStartObject("match");
        writer.WriteString("kind", answer.Match.KindName);
        writer.WriteString("id", answer.Match.Id);
        writer.WriteEndObject();
    }

    private static void WriteText(TextWriter output, EvaluationReport report)
    {
        foreach (var (language, accuracy) in report.AccuracyByLanguage)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language}: top-1 accuracy {accuracy:0.000} ({report.Results.Count(r => (r.Case.Language ?? "?") == language)} cases)"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"abstention: precision {report.AbstentionPrecision:0.000}, recall {report.AbstentionRecall:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"safety recall: {report.SafetyRecall:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"language identification: {report.LanguageAccuracy:0.000}"));
        var failures = report.Failures.ToList();
        output.WriteLine($"failures: {failures.Count}");
        foreach (var failure in failures)
        {
            var got = failure.Match is null ? "none" : failure.Match.Id;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  line {failure.Case.Line} [{failure.Case.Language}→{failure.Language}] \"{failure.Case.Text}\": expected {(failure.Case.ExpectsNone ? "none" : string.Join("|", failure.Case.Expect))}, got {got} ({failure.Confidence:0.00})"));
        }
    }

    private static void WriteJson(TextWriter output, EvaluationReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Json))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cases");
            foreach (var result in report.Results)
            {
                writer.WriteStartObject();
                writer.WriteString("text", result.Case.Text);
                writer.WriteString("lang", result.Case.Language);
                writer.WriteString("expect", result.Case.ExpectsNone ? "none" : string.Join("|", result.Case.Expect));
                writer.WriteString("language", result.Language);
                WriteMatch(writer, new Answer(result.Language, result.Match, result.Confidence, string.Empty, false));
                writer.WriteNumber("confidence", result.Confidence);
                writer.WriteNumber("known", Math.Round(result.Known, 3));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteStartObject("accuracy");
            foreach (var (language, accuracy) in report.AccuracyByLanguage)
            {
                writer.WriteNumber(language, accuracy);
            }

            writer.WriteEndObject();
            writer.WriteNumber("abstention_precision", report.AbstentionPrecision);
            writer.WriteNumber("abstention_recall", report.AbstentionRecall);
            writer.WriteNumber("safety_recall", report.SafetyRecall);
            writer.WriteNumber("language_accuracy", report.LanguageAccuracy);
            writer.WriteNumber("failures", report.Failures.Count());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
