using Reach.Testing;

namespace Reach.Web.Tests.CommandLine;

public sealed class ContentValidateCommandTests : IDisposable
{
    private const string Organisation = "organisation: {id: sem, name: {fr: SEM, en: SEM}, timezone: Europe/Brussels, source_language: fr, languages: [fr, en]}\n";
    private readonly TempDirectory pack = new();

    public void Dispose() => pack.Dispose();

    [Fact]
    public async Task Demo_pack_is_valid_and_exits_zero()
    {
        var (exit, output, error) = await CommandRunner.RunAsync("content", "validate", RepositoryPaths.DemoPack);

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
        output.ShouldEndWith($"{RepositoryPaths.DemoPack}: 0 error(s), 0 warning(s)\n");
        output.ShouldContain("sem: 4 sites, 3 services, 10 activities, 20 faq, 5 referrals, 4 safety topics\n");
    }

    [Theory]
    [InlineData("services:\n  - id: desk\n    title: {fr: A, en: A}\n    access: both\n    acess: walk-in\n", "services.yaml:5: services[desk].acess: unknown key 'acess' (did you mean 'access'?)")]
    [InlineData("services:\n  - {id: desk, title: {fr: A, en: A}, access: both}\n  - {id: desk, title: {fr: B, en: B}, access: both}\n", "services.yaml:3: services[desk].id: duplicate id 'desk': already used at services.yaml:2")]
    [InlineData("services:\n  - {id: desk, title: {fr: A, en: A}, access: both, site: nowhere}\n", "services.yaml:2: services[desk].site: unknown site 'nowhere'")]
    [InlineData("services:\n  - id: desk\n    title: {fr: A, en: A}\n    access: both\n    hours:\n      - {days: [mon], from: \"17:00\", to: \"09:00\"}\n", "services.yaml:6: services[desk].hours[0].to: 'to' (09:00) is before 'from' (17:00)")]
    [InlineData("faq:\n  - id: q\n    questions: {fr: [Quoi], en: [What]}\n    answer: {fr: Ceci, en: This}\n    related: [ghost]\n", "services.yaml:5: faq[q].related: unknown service or activity or referral or faq entry or site 'ghost'")]
    public async Task Each_mistake_exits_one_with_its_file_and_line(string services, string expected)
    {
        pack.Write("organisation.yaml", Organisation);
        pack.Write("services.yaml", services);

        var (exit, _, error) = await CommandRunner.RunAsync("content", "validate", pack.Path);

        exit.ShouldBe(1);
        error.Split('\n')[0].ShouldBe(expected);
        error.ShouldEndWith($"{pack.Path}: 1 error(s), 0 warning(s)\n");
    }

    [Fact]
    public async Task Bad_time_zone_exits_one()
    {
        pack.Write("organisation.yaml", Organisation.Replace("Europe/Brussels", "Brussels", StringComparison.Ordinal));

        var (exit, _, error) = await CommandRunner.RunAsync("content", "validate", pack.Path);

        exit.ShouldBe(1);
        error.Split('\n')[0].ShouldBe("organisation.yaml:1: organisation.timezone: 'Brussels' is not a known time zone; use an IANA name such as Europe/Brussels");
    }

    [Fact]
    public async Task Missing_translation_is_a_warning_and_exits_zero()
    {
        pack.Write("organisation.yaml", Organisation);
        pack.Write("services.yaml", "services:\n  - {id: desk, title: {fr: Permanence}, access: both}\n");

        var (exit, output, error) = await CommandRunner.RunAsync("content", "validate", pack.Path);

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
        output.Split('\n')[0].ShouldBe("services.yaml:2: services[desk].title: warning: missing translation in en (offered by sem)");
    }

    [Fact]
    public async Task Missing_folder_is_a_clear_error()
    {
        var (exit, _, error) = await CommandRunner.RunAsync("content", "validate", Path.Combine(pack.Path, "nope"));

        exit.ShouldBe(1);
        error.Split('\n')[0].ShouldBe($"{Path.Combine(pack.Path, "nope")}:0: pack: no such folder: {Path.Combine(pack.Path, "nope")}");
    }
}
