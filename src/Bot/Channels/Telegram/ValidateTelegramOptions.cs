using Microsoft.Extensions.Options;

namespace Reach.Bot.Channels.Telegram;

[OptionsValidator]
internal sealed partial class ValidateTelegramOptions : IValidateOptions<TelegramOptions>;
