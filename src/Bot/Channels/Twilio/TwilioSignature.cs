using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// Computes and checks the <c>X-Twilio-Signature</c> header of Twilio webhooks
/// (twilio.com/docs/usage/webhooks/webhooks-security; twilio-csharp <c>Security/RequestValidator.cs</c>,
/// twilio-python <c>twilio/request_validator.py</c>).
/// </summary>
public static class TwilioSignature
{
    private const string BodyHashParameter = "bodySHA256";

    /// <summary>
    /// Base64 HMAC-SHA1, keyed with <paramref name="authToken"/>, of <paramref name="url"/> followed by every form
    /// parameter as name and value without delimiters, sorted by name (ordinal) and, for a repeated name, by value.
    /// </summary>
    /// <param name="authToken">The account's primary Auth Token; case matters.</param>
    /// <param name="url">The full public URL Twilio called, query string included, exactly as configured at Twilio.</param>
    /// <param name="formParameters">The POST form fields, untrimmed; empty for JSON-body webhooks.</param>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Twilio defines the webhook signature as HMAC-SHA1.")]
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formParameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formParameters);

        var data = new StringBuilder(url);
        // twilio-python sorts repeated names by value; twilio-csharp keeps one value per name, which loses data.
        var sorted = formParameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in sorted)
        {
            data.Append(key).Append(value);
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// True when <paramref name="signatureHeader"/> is the signature of a form-encoded webhook, computed on the URL as
    /// given or with its default port (443 for https, 80 for http) added or removed, as Twilio's SDKs accept. Unlike the
    /// SDKs, another port (like :8443) is never dropped: our public URL comes from configuration, port included.
    /// False for a missing or empty header. The comparison takes constant time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formParameters, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formParameters);

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        var parameters = formParameters.ToList();
        var expected = Encoding.UTF8.GetBytes(signatureHeader);
        var valid = false;
        foreach (var candidate in UrlVariants(url))
        {
            // No early exit: every variant is checked, so timing does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(authToken, candidate, parameters)), expected);
        }

        return valid;
    }

    /// <summary>
    /// True for a JSON-body webhook: <paramref name="url"/> carries <c>bodySHA256</c>, the lowercase hex SHA-256 of the
    /// raw body, which must match <paramref name="body"/> (the raw body decoded as UTF-8); and the signature covers the
    /// URL alone, with no form parameters.
    /// </summary>
    public static bool IsValidJson(string authToken, string url, string body, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(body);
        return IsValidJson(authToken, url, Encoding.UTF8.GetBytes(body), signatureHeader);
    }

    /// <summary>As <see cref="IsValidJson(string, string, string, string?)"/>, on the raw body bytes.</summary>
    public static bool IsValidJson(string authToken, string url, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);

        var expectedHash = QueryValue(url, BodyHashParameter);
        if (expectedHash is null)
        {
            return false;
        }

        var actualHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var bodyMatches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actualHash), Encoding.UTF8.GetBytes(expectedHash));
        var signatureMatches = IsValid(authToken, url, [], signatureHeader);
        return bodyMatches & signatureMatches;
    }

    /// <summary>The URL as given, then with its default port added or removed when it has one.</summary>
    private static List<string> UrlVariants(string url)
    {
        var variants = new List<string> { url };
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return variants;
        }

        var scheme = url[..schemeEnd];
        var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? ":80"
            : null;
        if (defaultPort is null)
        {
            return variants;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        // The host is after any user:password@ and may be a bracketed IPv6 literal.
        var hostStart = authority.LastIndexOf('@') + 1;
        var colon = authority.LastIndexOf(':');
        var hasPort = colon >= hostStart && colon > authority.LastIndexOf(']');
        if (!hasPort)
        {
            variants.Add(url[..authorityEnd] + defaultPort + url[authorityEnd..]);
        }
        else if (authority[colon..] == defaultPort)
        {
            variants.Add(url[..(authorityStart + colon)] + url[authorityEnd..]);
        }

        return variants;
    }

    private static string? QueryValue(string url, string name)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', queryStart);
        var query = fragment < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragment];
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(name))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
