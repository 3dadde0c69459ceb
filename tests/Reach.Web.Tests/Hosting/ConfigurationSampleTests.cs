using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Reach.Bot.Answers;
using Reach.Content.Hosting;
using Reach.Content.Storage;
using Reach.Notifications.Scheduling;
using Reach.Testing;

namespace Reach.Web.Tests.Hosting;

/// <summary>appsettings.sample.json documents every setting, and each of its values passes validation.</summary>
public class ConfigurationSampleTests
{
    private static readonly IConfigurationRoot Sample = new ConfigurationBuilder()
        .AddJsonFile(RepositoryPaths.InRoot("appsettings.sample.json"), optional: false)
        .Build();

    private static readonly Dictionary<string, Type> Sections = new()
    {
        [StorageOptions.Section] = typeof(StorageOptions),
        [ContentOptions.Section] = typeof(ContentOptions),
        [SchedulerOptions.Section] = typeof(SchedulerOptions),
        [Reach.Notifications.Reminders.ReminderOptions.Section] = typeof(Reach.Notifications.Reminders.ReminderOptions),
        [Reach.Notifications.Delivery.DeliveryOptions.Section] = typeof(Reach.Notifications.Delivery.DeliveryOptions),
        [Reach.Web.Translations.TranslatorOptions.Section] = typeof(Reach.Web.Translations.TranslatorOptions),
        [AnswerOptions.Section] = typeof(AnswerOptions),
        [Reach.Bot.Conversations.ConversationOptions.Section] = typeof(Reach.Bot.Conversations.ConversationOptions),
        [Reach.Bot.Channels.Telegram.TelegramOptions.Section] = typeof(Reach.Bot.Channels.Telegram.TelegramOptions),
        [Reach.Bot.Channels.Twilio.TwilioOptions.Section] = typeof(Reach.Bot.Channels.Twilio.TwilioOptions),
    };

    [Fact]
    public void Every_options_property_is_in_the_sample_and_nothing_else_is()
    {
        foreach (var (section, type) in Sections)
        {
            Sample.GetSection(section).GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal)
                .ShouldBe(type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal), $"section {section}");
        }

        Sample.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal)
            .ShouldBe(["Answers", "ConnectionStrings", "Content", "Conversations", "Delivery", "Logging", "Reminders", "Scheduler", "Storage", "Telegram", "Translator", "Twilio", "Urls"]);
    }

    [Fact]
    public void Sample_values_bind_and_validate()
    {
        var storage = Sample.GetSection(StorageOptions.Section).Get<StorageOptions>().ShouldNotBeNull();
        new ValidateStorageOptions().Validate(null, storage).ShouldBe(ValidateOptionsResult.Success);
        storage.SqliteBusyTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        Sample.GetSection(ContentOptions.Section).Get<ContentOptions>()!.SeedPack.ShouldBe("content/demo");
        Sample.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>()!.Enabled.ShouldBeTrue();
        var reminders = Sample.GetSection(Reach.Notifications.Reminders.ReminderOptions.Section).Get<Reach.Notifications.Reminders.ReminderOptions>().ShouldNotBeNull();
        new Reach.Notifications.Reminders.ValidateReminderOptions().Validate(null, reminders).Succeeded.ShouldBeTrue();
        reminders.StepsFor("sem", "appointment").Select(s => s.Name).ShouldBe(["1d@18:00", "2h"]);
        Sample.GetSection(Reach.Notifications.Delivery.DeliveryOptions.Section).Get<Reach.Notifications.Delivery.DeliveryOptions>()!.RateFor("sms").ShouldBe(10);
        Sample.GetConnectionString("Reach").ShouldBe(string.Empty);
        var answers = Sample.GetSection(AnswerOptions.Section).Get<AnswerOptions>().ShouldNotBeNull();
        answers.Threshold.ShouldBe(new AnswerOptions().Threshold);
        new ValidateAnswerOptions().Validate(null, answers).ShouldBe(ValidateOptionsResult.Success);
    }

    [Fact]
    public void An_invalid_value_is_refused_with_the_setting_named()
    {
        var storage = new StorageOptions { SqlitePath = "", SqliteBusyTimeout = TimeSpan.FromHours(1) };

        var result = new ValidateStorageOptions().Validate(null, storage);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("SqlitePath");
        result.FailureMessage.ShouldContain("SqliteBusyTimeout");
    }
}
