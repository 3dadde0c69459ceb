using Reach.Notifications.Contacts;

namespace Reach.Notifications.Tests.Contacts;

// Rows: channel-apis.md §7 (libphonenumber metadata for BE) and the written forms people use.
public class PhoneNumberTests
{
    [Theory]
    [InlineData("0470 12 34 56")]
    [InlineData("+32 470/12.34.56")]
    [InlineData("0032470123456")]
    [InlineData("+32 (0)470 12 34 56")]
    [InlineData("+32 0470 12 34 56")]
    [InlineData("0470-12-34-56")]
    [InlineData("(0470) 12-34-56")]
    [InlineData("0032 (0)470 12 34 56")]
    [InlineData("  0470.12.34.56 ")]
    [InlineData("٠٤٧٠١٢٣٤٥٦")] // Arabic-Indic digits
    public void Belgian_mobile_in_every_usual_form_becomes_e164(string input)
    {
        var result = PhoneNumber.Normalize(input);

        result.ShouldBe(new PhoneNumberResult("+32470123456", PhoneNumberKind.Mobile, Error: null));
        result.IsValid.ShouldBeTrue();
        PhoneNumber.CanReceiveSms(result).ShouldBeTrue();
    }

    [Theory]
    [InlineData("02 511 22 33", "+3225112233")] // Brussels
    [InlineData("+32 2 511 22 33", "+3225112233")]
    [InlineData("04 223 45 67", "+3242234567")] // Liège: 04 and 8 digits is a landline
    [InlineData("09 223 45 67", "+3292234567")] // Ghent
    public void Belgian_landline_is_valid_but_cannot_receive_sms(string input, string e164)
    {
        var result = PhoneNumber.Normalize(input);

        result.ShouldBe(new PhoneNumberResult(e164, PhoneNumberKind.FixedLine, Error: null));
        PhoneNumber.CanReceiveSms(result).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0800 12 345", "+3280012345")] // toll-free
    [InlineData("0900 12 345", "+3290012345")] // premium rate
    [InlineData("078 15 23 45", "+3278152345")] // UAN
    public void Belgian_service_number_is_valid_other_and_cannot_receive_sms(string input, string e164)
    {
        var result = PhoneNumber.Normalize(input);

        result.ShouldBe(new PhoneNumberResult(e164, PhoneNumberKind.Other, Error: null));
        PhoneNumber.CanReceiveSms(result).ShouldBeFalse();
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033612345678", "+33612345678")]
    [InlineData("+44 (0)20 7946 0000", "+442079460000")]
    [InlineData("+31 6 12345678", "+31612345678")]
    public void Foreign_number_gets_the_generic_e164_path_and_can_receive_sms(string input, string e164)
    {
        var result = PhoneNumber.Normalize(input);

        result.ShouldBe(new PhoneNumberResult(e164, PhoneNumberKind.Other, Error: null));
        PhoneNumber.CanReceiveSms(result).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0470 12 34 5", "0470 12 34 5 has 9 digits; a Belgian mobile has 10 digits, like 0470 12 34 56.")]
    [InlineData("0470 12 34 567", "0470 12 34 567 has 11 digits; a Belgian mobile has 10 digits, like 0470 12 34 56.")]
    [InlineData("+32 470 12 34 5", "+32 470 12 34 5 has 8 digits after +32; a Belgian mobile has 9 digits after +32, like +32 470 12 34 56.")]
    [InlineData("+32 0470 12 34 5", "+32 0470 12 34 5 has 8 digits after +32 0; a Belgian mobile has 9 digits after +32, like +32 470 12 34 56.")]
    [InlineData("0032 470 12 34 567", "0032 470 12 34 567 has 10 digits after 0032; a Belgian mobile has 9 digits after 0032, like 0032 470 12 34 56.")]
    [InlineData("02 511 22 3", "02 511 22 3 has 8 digits; a Belgian landline or service number has 9 digits, like 02 511 22 33.")]
    [InlineData("0", "0 has 1 digit; a Belgian landline or service number has 9 digits, like 02 511 22 33.")]
    public void Wrong_length_names_the_count_and_the_expected_form(string input, string error) =>
        PhoneNumber.Normalize(input).ShouldBe(new PhoneNumberResult(E164: null, PhoneNumberKind.Other, error));

    [Theory]
    [InlineData("470123456")]
    [InlineData("32470123456")]
    public void Number_without_0_plus_or_00_is_refused_as_ambiguous(string input) =>
        PhoneNumber.Normalize(input).Error.ShouldBe(
            $"{input} starts with neither 0, + nor 00, so its country is unclear; write a Belgian number with its 0, like 0470 12 34 56, "
            + "or a foreign one with + and its country code, like +33 6 12 34 56 78.");

    [Theory]
    [InlineData(null, "No phone number was given.")]
    [InlineData("", "No phone number was given.")]
    [InlineData("   ", "No phone number was given.")]
    [InlineData("abc", "abc contains 'a'; a phone number has only digits, spaces and . / - ( ), with + or 00 before a country code.")]
    [InlineData("0470 12 34 56 ext 2", "0470 12 34 56 ext 2 contains 'e'; a phone number has only digits, spaces and . / - ( ), with + or 00 before a country code.")]
    [InlineData("0470+123456", "0470+123456 has a + that is not at the start; write + only before the country code, like +32 470 12 34 56.")]
    [InlineData("+ ( )", "+ ( ) has no digits.")]
    [InlineData("0440 12 34 56", "0440 12 34 56 is not a Belgian mobile number: those start with 045 to 049 and have 10 digits, like 0470 12 34 56.")]
    [InlineData("0700 12 345", "0700 12 345 is not in any Belgian number range.")]
    [InlineData("+1 234", "+1 234 has 4 digits after +; an international number has 8 to 15 digits after +, like +33 6 12 34 56 78.")]
    [InlineData("+33 6 12 34 56 78 90 12 34", "+33 6 12 34 56 78 90 12 34 has 17 digits after +; an international number has 8 to 15 digits after +, like +33 6 12 34 56 78.")]
    [InlineData("+0 470 12 34 56", "+0 470 12 34 56 has a country code starting with 0 after +; country codes start with 1 to 9, like +33 for France.")]
    [InlineData("000 33 6 12 34 56 78", "000 33 6 12 34 56 78 has a country code starting with 0 after 00; country codes start with 1 to 9, like +33 for France.")]
    public void Impossible_input_is_refused_with_a_message_naming_the_problem(string? input, string error)
    {
        var result = PhoneNumber.Normalize(input);

        result.ShouldBe(new PhoneNumberResult(E164: null, PhoneNumberKind.Other, error));
        result.IsValid.ShouldBeFalse();
        PhoneNumber.CanReceiveSms(result).ShouldBeFalse();
    }
}
