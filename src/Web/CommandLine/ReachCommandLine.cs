using System.CommandLine;

namespace Reach.Web.CommandLine;

/// <summary>The <c>reach</c> command line: content tools for coordinators and operators.</summary>
public static class ReachCommandLine
{
    private static readonly string[] Commands = ["content", "ask", "eval", "appointments", "broadcast", "users", "--help", "-h", "-?", "--version"];

    /// <summary>True when the arguments name a command rather than options for the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Reach: multilingual answers and reminders for social-service associations.");
        root.Subcommands.Add(ContentCommands.Create(output, error));
        root.Subcommands.Add(AnswerCommands.Ask(output, error));
        root.Subcommands.Add(AnswerCommands.Eval(output, error));
        root.Subcommands.Add(StaffCommands.Appointments(output, error));
        root.Subcommands.Add(StaffCommands.Broadcast(output, error));
        root.Subcommands.Add(UserCommands.Create(input, output, error));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
