using Microsoft.Extensions.Options;

namespace Reach.Content.Storage;

[OptionsValidator]
internal sealed partial class ValidateStorageOptions : IValidateOptions<StorageOptions>;
