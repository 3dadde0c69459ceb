using Reach.Web.CommandLine;

namespace Reach.Web.Tests.CommandLine;

/// <summary>Runs the reach command line in-process and captures what it prints.</summary>
internal static class CommandRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ReachCommandLine.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Runs a command that reads standard input (a password), given here.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ReachCommandLine.RunAsync(args, reader, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
