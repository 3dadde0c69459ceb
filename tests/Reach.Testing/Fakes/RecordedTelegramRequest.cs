namespace Reach.Testing.Fakes;

/// <summary>One request the fake Telegram server received: HTTP method, path (with the token), Bot API method as sent, raw body.</summary>
public sealed record RecordedTelegramRequest(string HttpMethod, string Path, string Method, string Body);
