using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Reach.Notifications.Reminders;

/// <summary>
/// Reminder plans and quiet hours, bound from section <c>Reminders</c>, with per-organisation overrides under
/// <c>Reminders:Organisations:{id}</c>. Kinds: <c>appointment</c>, <c>workshop</c> (every activity but outings),
/// <c>outing</c> (counted from the meeting time when there is one).
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>The plans used when a kind is not configured.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DefaultPlans = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["appointment"] = ["1d@18:00", "2h"],
        ["workshop"] = ["1d@18:00"],
        ["outing"] = ["1d@18:00", "3h"],
    };

    /// <summary>Start of the quiet hours, local time of the organisation. Default 21:00.</summary>
    public string QuietFrom { get; set; } = "21:00";

    /// <summary>End of the quiet hours. Default 08:00.</summary>
    public string QuietTo { get; set; } = "08:00";

    /// <summary>After downtime, a reminder at most this late is still sent; older ones are dropped and listed. Default 2 hours.</summary>
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Steps per kind, e.g. <c>"appointment": ["1d@18:00", "2h"]</c>.</summary>
    public Dictionary<string, string[]> Plans { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Overrides per organisation id.</summary>
    public Dictionary<string, OrganisationReminderOptions> Organisations { get; set; } = new(StringComparer.Ordinal);

    public QuietHours QuietHoursFor(string organisationId)
    {
        var own = Organisations.GetValueOrDefault(organisationId);
        return new QuietHours(Time(own?.QuietFrom ?? QuietFrom), Time(own?.QuietTo ?? QuietTo));
    }

    /// <summary>The steps of a kind for an organisation: its own plan, else the common one, else the default.</summary>
    public IReadOnlyList<ReminderStep> StepsFor(string organisationId, string kind)
    {
        var written = Organisations.GetValueOrDefault(organisationId)?.Plans.GetValueOrDefault(kind)
            ?? Plans.GetValueOrDefault(kind)
            ?? DefaultPlans.GetValueOrDefault(kind)
            ?? [];
        return written.Select(w => ReminderStep.Parse(w, out _) ?? throw new OptionsValidationException(Section, typeof(ReminderOptions), [$"bad step {w}"])).ToList();
    }

    internal static LocalTime Time(string text) =>
        TryTime(text) ?? throw new FormatException($"'{text}' is not a time of day like 21:00.");

    internal static LocalTime? TryTime(string? text) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new LocalTime(t.Hour, t.Minute)
            : null;
}

/// <summary>One organisation's quiet hours and plans; anything left out comes from the common settings.</summary>
public sealed class OrganisationReminderOptions
{
    public string? QuietFrom { get; set; }

    public string? QuietTo { get; set; }

    public Dictionary<string, string[]> Plans { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Checks every time and step at startup, naming the setting that is wrong.</summary>
public sealed class ValidateReminderOptions : IValidateOptions<ReminderOptions>
{
    private static readonly string[] Kinds = ["appointment", "workshop", "outing"];

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(errors, "Reminders", options.QuietFrom, options.QuietTo, options.Plans);
        foreach (var (id, own) in options.Organisations)
        {
            Check(errors, $"Reminders:Organisations:{id}", own.QuietFrom, own.QuietTo, own.Plans);
        }

        if (options.MaxLateness < TimeSpan.Zero)
        {
            errors.Add("Reminders:MaxLateness must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string path, string? from, string? to, Dictionary<string, string[]> plans)
    {
        foreach (var (key, value) in new[] { ("QuietFrom", from), ("QuietTo", to) })
        {
            if (value is not null && ReminderOptions.TryTime(value) is null)
            {
                errors.Add($"{path}:{key} '{value}' is not a time of day like 21:00.");
            }
        }

        foreach (var (kind, steps) in plans)
        {
            if (!Kinds.Contains(kind))
            {
                errors.Add($"{path}:Plans:{kind} is not a kind; use appointment, workshop or outing.");
            }

            foreach (var step in steps)
            {
                if (ReminderStep.Parse(step, out var error) is null)
                {
                    errors.Add($"{path}:Plans:{kind}: {error}");
                }
            }
        }
    }
}
