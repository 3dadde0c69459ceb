using Microsoft.Extensions.Options;

namespace Reach.Bot.Answers;

[OptionsValidator]
internal sealed partial class ValidateAnswerOptions : IValidateOptions<AnswerOptions>;
