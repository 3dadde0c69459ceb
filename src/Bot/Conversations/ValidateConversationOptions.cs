using Microsoft.Extensions.Options;

namespace Reach.Bot.Conversations;

[OptionsValidator]
internal sealed partial class ValidateConversationOptions : IValidateOptions<ConversationOptions>;
