namespace Reach.Bot.Channels.Twilio;

/// <summary>An error answered by Twilio's REST API, with its HTTP status and Twilio error code (21610: unsubscribed, 21211: invalid number…).</summary>
public sealed class TwilioApiException(int status, int code, string message) : Exception($"Twilio answered {status} (error {code}): {message}")
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    /// <summary>True for errors that will not go away by trying again (unsubscribed recipient, invalid number).</summary>
    public bool IsPermanent => Code is 21610 or 21211 or 21614 or 21408 or 63016;
}
