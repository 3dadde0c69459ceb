using Microsoft.Extensions.Options;

namespace Reach.Bot.Channels.Twilio;

[OptionsValidator]
internal sealed partial class ValidateTwilioOptions : IValidateOptions<TwilioOptions>;
