using System.CommandLine;
using System.Text;
using Reach.Web.Accounts;

namespace Reach.Web.CommandLine;

/// <summary>
/// <c>reach users add</c>: creates an account, the first admin included. The password is read from standard
/// input (typed without echo, or piped); no default password exists anywhere.
/// </summary>
internal static class UserCommands
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var org = new Option<string>("--org") { Required = true, Description = "The organisation id, e.g. sem." };
        var email = new Option<string>("--email") { Required = true, Description = "The email the person signs in with." };
        var name = new Option<string>("--name") { Required = true, Description = "The person's name, as colleagues see it." };
        var admin = new Option<bool>("--admin") { Description = "Give the admin role (accounts, settings, audit log)." };
        var roles = new Option<string[]>("--role") { Description = "Also give this role: coordinator or staff (repeat for several)." };
        var language = new Option<string>("--language") { DefaultValueFactory = _ => "fr", Description = "The person's language (default fr)." };
        var add = new Command("add", "Create an account; the password is read from standard input.") { org, email, name, admin, roles, language };
        add.SetAction(async (parse, ct) =>
        {
            var given = (parse.GetValue(roles) ?? []).ToList();
            if (parse.GetValue(admin))
            {
                given.Insert(0, Roles.Admin);
            }

            if (given.Count == 0)
            {
                error.WriteLine("Give --admin or at least one --role (coordinator, staff).");
                return 1;
            }

            output.Write("Password (at least " + AccountStore.MinPasswordLength + " characters): ");
            var password = ReadSecret(input);
            output.WriteLine();
            await using var services = await CommandServices.StartAsync(ct);
            var (account, problem) = await services.Get<AccountStore>().CreateAsync(
                parse.GetValue(org)!, parse.GetValue(email)!, parse.GetValue(name)!, given.Distinct().ToList(), parse.GetValue(language)!, password, ct);
            if (account is null)
            {
                error.WriteLine(problem);
                return 1;
            }

            await services.Get<AuditLog>().WriteAsync(account.OrganisationId, "reach users add", "account.create", $"{account.Email} ({string.Join(",", account.Roles)})", ct);
            output.WriteLine($"account {account.Id}: {account.Email} ({string.Join(", ", account.Roles)}) for {account.OrganisationId}");
            return 0;
        });
        var users = new Command("users", "Accounts of the staff and coordinators' web app.");
        users.Subcommands.Add(add);
        return users;
    }

    /// <summary>A line from the terminal without echo, or from redirected input as it is.</summary>
    private static string ReadSecret(TextReader input)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine() ?? string.Empty;
        }

        var secret = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
            {
                secret.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        return secret.ToString();
    }
}
