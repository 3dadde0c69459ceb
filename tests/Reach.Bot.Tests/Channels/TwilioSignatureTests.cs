using Reach.Bot.Channels.Twilio;

namespace Reach.Bot.Tests.Channels;

// Vectors: channel-apis.md §0 and §2.8 (twilio.com webhooks-security page, twilio-csharp and twilio-python test suites).
public class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string SdkUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string SdkSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string JsonBody = """{"property": "value", "boolean": true}""";
    private const string JsonUrl = SdkUrl + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string JsonSignature = "a9nBmqA0ju/hNViExpshrM61xv4=";

    private static readonly KeyValuePair<string, string>[] SdkParameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
        new("Caller", "+14158675309"),
    ];

    [Fact]
    public void Current_docs_example_gives_the_documented_signature()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("Digits", "1234"),
            new("To", "+18005551212"),
            new("From", "+14158675310"),
            new("Caller", "+14158675310"),
            new("CallSid", "CA1234567890ABCDE"),
        ];

        TwilioSignature.Compute(Token, "https://example.com/myapp.php?foo=1&bar=2", parameters).ShouldBe("L/OH5YylLD5NRKLltdqwSvS0BnU=");
    }

    [Fact]
    public void Older_docs_example_gives_its_signature()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("CallSid", "CA1234567890ABCDE"),
            new("Caller", "+12349013030"),
            new("Digits", "1234"),
            new("From", "+12349013030"),
            new("To", "+18005551212"),
        ];

        TwilioSignature.Compute(Token, SdkUrl, parameters).ShouldBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    [Theory]
    [InlineData(SdkUrl, SdkSignature)]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=")]
    public void Sdk_vectors_compute_and_validate(string url, string signature)
    {
        TwilioSignature.Compute(Token, url, SdkParameters).ShouldBe(signature);
        TwilioSignature.IsValid(Token, url, SdkParameters, signature).ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")] // Twilio signed with :443
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", SdkSignature)] // Twilio signed without the port
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")] // signed with :80
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=")] // signed without :80
    public void Default_port_is_accepted_added_or_removed(string url, string signature) =>
        TwilioSignature.IsValid(Token, url, SdkParameters, signature).ShouldBeTrue();

    [Fact]
    public void Non_default_port_is_never_dropped() =>
        TwilioSignature.IsValid(Token, "http://mycompany.com:1234/myapp.php?foo=1&bar=2", SdkParameters, "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=").ShouldBeFalse();

    [Fact]
    public void Duplicate_keys_are_sorted_by_value()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("Sid", "CA123"),
            new("SidAccount", "AC123"),
            new("Digits", "5678"),
            new("Digits", "1234"),
        ];

        TwilioSignature.Compute(Token, SdkUrl, parameters).ShouldBe("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
        TwilioSignature.IsValid(Token, SdkUrl, parameters, "IK+Dwps556ElfBT0I3Rgjkr1wJU=").ShouldBeTrue();
    }

    [Fact]
    public void Json_body_signature_covers_the_url_with_its_body_hash()
    {
        TwilioSignature.Compute(Token, JsonUrl, []).ShouldBe(JsonSignature);
        TwilioSignature.IsValidJson(Token, JsonUrl, JsonBody, JsonSignature).ShouldBeTrue();
    }

    [Fact]
    public void Json_body_that_does_not_match_its_hash_fails() =>
        TwilioSignature.IsValidJson(Token, JsonUrl, """{"property": "value", "boolean": false}""", JsonSignature).ShouldBeFalse();

    [Fact]
    public void Json_body_without_a_hash_in_the_url_fails() =>
        TwilioSignature.IsValidJson(Token, SdkUrl, JsonBody, SdkSignature).ShouldBeFalse();

    [Fact]
    public void Json_body_with_a_wrong_signature_fails() =>
        TwilioSignature.IsValidJson(Token, JsonUrl, JsonBody, SdkSignature).ShouldBeFalse();

    [Fact]
    public void Tampered_parameter_fails()
    {
        var tampered = SdkParameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToArray();
        TwilioSignature.IsValid(Token, SdkUrl, tampered, SdkSignature).ShouldBeFalse();
    }

    [Fact]
    public void Untrimmed_value_is_signed_as_sent()
    {
        var padded = SdkParameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1234 ") : p).ToArray();
        TwilioSignature.IsValid(Token, SdkUrl, padded, SdkSignature).ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp.php/?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php")]
    public void Wrong_url_fails(string url) =>
        TwilioSignature.IsValid(Token, url, SdkParameters, SdkSignature).ShouldBeFalse();

    [Theory]
    [InlineData("12346")]
    [InlineData("")]
    public void Wrong_token_fails(string token) =>
        TwilioSignature.IsValid(token, SdkUrl, SdkParameters, SdkSignature).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("rsoydt4t1cutdk1pdd93/vvr8b8=")]
    public void Missing_or_wrong_header_fails(string? header) =>
        TwilioSignature.IsValid(Token, SdkUrl, SdkParameters, header).ShouldBeFalse();

    [Fact]
    public void Missing_header_fails_for_a_json_body() =>
        TwilioSignature.IsValidJson(Token, JsonUrl, JsonBody, signatureHeader: null).ShouldBeFalse();
}
